// Runs the TypeScript worker from source (tests, `npm run leadtidy`); the built package uses dist/node-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
