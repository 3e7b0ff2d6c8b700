/**
 * State/province inputs as lead files write them → expected ISO 3166-2 code (or null + issue).
 * Rows: [input, country option (null = none), expected code | null, expected issue?].
 */
import type { IssueCode } from '../../core/codes.js';

export type StateCase = readonly [input: string, country: string | null, code: string | null, issue?: IssueCode];

const US: readonly (readonly [string, string])[] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'], ['CT', 'Connecticut'],
  ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'],
  ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'],
  ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ['DC', 'District of Columbia'],
];

export const stateCases: readonly StateCase[] = [
  // Every US state by USPS code without a country (the B2B convention), and by name with "US".
  ...US.map(([c]) => [c, null, `US-${c}`] as const),
  ...US.map(([c, n]) => [n, 'US', `US-${c}`] as const),
  ...US.map(([c, n]) => [n.toUpperCase(), null, `US-${c}`] as const),
  // --- US: AP style, GPO and messy forms ------------------------------------------------
  ['Calif.', null, 'US-CA'], ['Cal.', 'US', 'US-CA'], ['Cali', 'US', 'US-CA'], ['N.Y.', null, 'US-NY'], ['ny', null, 'US-NY'], ['n.y.', 'USA', 'US-NY'],
  ['Mass.', null, 'US-MA'], ['Penn.', null, 'US-PA'], ['Penna.', 'US', 'US-PA'], ['Wisc.', null, 'US-WI'], ['Tex.', null, 'US-TX'], ['Ariz.', null, 'US-AZ'],
  ['Fla.', null, 'US-FL'], ['Ga.', 'US', 'US-GA'], ['Ill.', null, 'US-IL'], ['Ind.', 'US', 'US-IN'], ['Kan.', 'US', 'US-KS'], ['Ky.', 'US', 'US-KY'],
  ['La.', 'US', 'US-LA'], ['Md.', 'US', 'US-MD'], ['Mich.', null, 'US-MI'], ['Minn.', null, 'US-MN'], ['Miss.', 'US', 'US-MS'], ['Mo.', 'US', 'US-MO'],
  ['Mont.', null, 'US-MT'], ['Neb.', null, 'US-NE'], ['Nev.', null, 'US-NV'], ['N.H.', null, 'US-NH'], ['N.J.', null, 'US-NJ'], ['N.M.', null, 'US-NM'],
  ['N.C.', null, 'US-NC'], ['N.D.', null, 'US-ND'], ['Okla.', null, 'US-OK'], ['Ore.', null, 'US-OR'], ['Pa.', 'US', 'US-PA'], ['R.I.', null, 'US-RI'],
  ['S.C.', null, 'US-SC'], ['S.D.', null, 'US-SD'], ['Tenn.', null, 'US-TN'], ['Vt.', 'US', 'US-VT'], ['Va.', 'US', 'US-VA'], ['Wash.', null, 'US-WA'],
  ['W.Va.', null, 'US-WV'], ['W. Va.', 'US', 'US-WV'], ['Wyo.', null, 'US-WY'], ['Colo.', null, 'US-CO'], ['Conn.', null, 'US-CT'], ['Del.', 'US', 'US-DE'],
  ['Ala.', null, 'US-AL'], ['Ark.', null, 'US-AR'], ['D.C.', null, 'US-DC'], ['Washington DC', null, 'US-DC'], ['Washington, D.C.', 'US', 'US-DC'],
  ['new york', null, 'US-NY'], ['  California ', null, 'US-CA'], ['CALIFORNIA', 'United States', 'US-CA'], ['california', 'usa', 'US-CA'], ['Texas', 'United States of America', 'US-TX'],
  ['US-CA', null, 'US-CA'], ['US-NY', 'US', 'US-NY'], ['us-tx', null, 'US-TX'], ['Puerto Rico', 'US', 'US-PR'], ['PR', 'US', 'US-PR'], ['Guam', 'US', 'US-GU'],
  ['Nueva York', null, 'US-NY'], ['Californie', null, 'US-CA'], ['Floride', null, 'US-FL'], ['Caroline du Nord', null, 'US-NC'], ['Louisiane', null, 'US-LA'],
  ['Kalifornien', null, 'US-CA'], ['Washington State', null, 'US-WA'], ['New York State', null, 'US-NY'], ['NYS', null, 'US-NY'],
  ['Califronia', 'US', 'US-CA', 'state.typo_corrected'], ['Pennsylvnia', null, 'US-PA', 'state.typo_corrected'], ['Masachusetts', 'US', 'US-MA', 'state.typo_corrected'],
  ['Conneticut', 'US', 'US-CT', 'state.typo_corrected'], ['Missisippi', 'US', 'US-MS', 'state.typo_corrected'], ['Tennesee', 'US', 'US-TN', 'state.typo_corrected'],
  ['Illinios', 'US', 'US-IL', 'state.typo_corrected'], ['Virgina', 'US', 'US-VA', 'state.typo_corrected'], ['Minnessota', 'US', 'US-MN', 'state.typo_corrected'],
  // --- Canada ------------------------------------------------------------------------------
  ['ON', 'CA', 'CA-ON'], ['Ontario', null, 'CA-ON'], ['Ont.', null, 'CA-ON'], ['QC', 'CA', 'CA-QC'], ['Quebec', null, 'CA-QC'], ['Québec', null, 'CA-QC'],
  ['PQ', null, 'CA-QC'], ['Que.', null, 'CA-QC'], ['BC', 'CA', 'CA-BC'], ['B.C.', null, 'CA-BC'], ['British Columbia', null, 'CA-BC'], ['Colombie-Britannique', null, 'CA-BC'],
  ['AB', 'CA', 'CA-AB'], ['Alta.', null, 'CA-AB'], ['Alberta', null, 'CA-AB'], ['MB', 'CA', 'CA-MB'], ['Man.', null, 'CA-MB'], ['Manitoba', null, 'CA-MB'],
  ['SK', 'CA', 'CA-SK'], ['Sask.', null, 'CA-SK'], ['Saskatchewan', null, 'CA-SK'], ['NS', 'CA', 'CA-NS'], ['Nova Scotia', null, 'CA-NS'], ['Nouvelle-Écosse', null, 'CA-NS'],
  ['NB', 'CA', 'CA-NB'], ['New Brunswick', null, 'CA-NB'], ['Nouveau-Brunswick', null, 'CA-NB'], ['NL', 'CA', 'CA-NL'], ['Nfld.', null, 'CA-NL'], ['NF', 'CA', 'CA-NL'],
  ['Newfoundland', null, 'CA-NL'], ['Newfoundland and Labrador', null, 'CA-NL'], ['Terre-Neuve-et-Labrador', null, 'CA-NL'], ['PE', 'CA', 'CA-PE'], ['PEI', null, 'CA-PE'],
  ['P.E.I.', null, 'CA-PE'], ['Prince Edward Island', null, 'CA-PE'], ['Île-du-Prince-Édouard', null, 'CA-PE'], ['YT', 'CA', 'CA-YT'], ['Yukon', null, 'CA-YT'],
  ['NT', 'CA', 'CA-NT'], ['Northwest Territories', null, 'CA-NT'], ['NWT', null, 'CA-NT'], ['NU', 'CA', 'CA-NU'], ['Nunavut', null, 'CA-NU'], ['Ontario Province', null, 'CA-ON'],
  ['CA', 'Canada', null, 'state.country_mismatch'], ['Quebec', 'CAN', 'CA-QC'],
  // --- Australia -----------------------------------------------------------------------------
  ['NSW', null, 'AU-NSW'], ['N.S.W.', null, 'AU-NSW'], ['New South Wales', null, 'AU-NSW'], ['VIC', 'AU', 'AU-VIC'], ['Vic.', 'AU', 'AU-VIC'], ['Victoria', 'AU', 'AU-VIC'],
  ['Victoria', null, 'AU-VIC'], ['QLD', null, 'AU-QLD'], ['Qld', null, 'AU-QLD'], ['Queensland', null, 'AU-QLD'], ['WA', 'AU', 'AU-WA'], ['Western Australia', null, 'AU-WA'],
  ['SA', 'AU', 'AU-SA'], ['SA', null, 'AU-SA'], ['South Australia', null, 'AU-SA'], ['TAS', null, 'AU-TAS'], ['Tas.', 'AU', 'AU-TAS'], ['Tasmania', null, 'AU-TAS'],
  ['NT', 'AU', 'AU-NT'], ['Northern Territory', 'AU', 'AU-NT'], ['ACT', null, 'AU-ACT'], ['Australian Capital Territory', null, 'AU-ACT'],
  // --- Germany, Austria, Switzerland -----------------------------------------------------------
  ['Bayern', null, 'DE-BY'], ['Bavaria', null, 'DE-BY'], ['BY', 'DE', 'DE-BY'], ['BY', 'Germany', 'DE-BY'], ['NRW', null, 'DE-NW'], ['NW', 'DE', 'DE-NW'],
  ['Nordrhein-Westfalen', null, 'DE-NW'], ['North Rhine-Westphalia', null, 'DE-NW'], ['Baden-Württemberg', null, 'DE-BW'], ['Baden-Wuerttemberg', null, 'DE-BW'],
  ['BW', 'DE', 'DE-BW'], ['BaWü', 'DE', 'DE-BW'], ['Hessen', null, 'DE-HE'], ['Hesse', null, 'DE-HE'], ['Niedersachsen', null, 'DE-NI'], ['Lower Saxony', null, 'DE-NI'],
  ['Sachsen', null, 'DE-SN'], ['Saxony', null, 'DE-SN'], ['Thüringen', null, 'DE-TH'], ['Thuringia', null, 'DE-TH'], ['Berlin', 'DE', 'DE-BE'], ['Hamburg', null, 'DE-HH'],
  ['Bremen', 'DE', 'DE-HB'], ['Rheinland-Pfalz', null, 'DE-RP'], ['Rhineland-Palatinate', null, 'DE-RP'], ['Saarland', null, 'DE-SL'], ['Schleswig-Holstein', null, 'DE-SH'],
  ['Mecklenburg-Vorpommern', null, 'DE-MV'], ['Sachsen-Anhalt', null, 'DE-ST'], ['Brandenburg', 'DE', 'DE-BB'], ['Freistaat Bayern', null, 'DE-BY'], ['CA', 'DE', null, 'state.country_mismatch'],
  ['Wien', 'AT', 'AT-9'], ['Vienna', 'Austria', 'AT-9'], ['Tirol', 'AT', 'AT-7'], ['Steiermark', null, 'AT-6'], ['Niederösterreich', null, 'AT-3'], ['Salzburg', 'AT', 'AT-5'],
  ['Zürich', 'CH', 'CH-ZH'], ['Zurich', 'CH', 'CH-ZH'], ['ZH', 'CH', 'CH-ZH'], ['Genève', 'CH', 'CH-GE'], ['Geneva', 'Switzerland', 'CH-GE'], ['Vaud', null, 'CH-VD'],
  ['Bern', 'CH', 'CH-BE'], ['Ticino', null, 'CH-TI'], ['Basel-Stadt', null, 'CH-BS'],
  // --- UK and Ireland ------------------------------------------------------------------------
  ['England', 'GB', 'GB-ENG'], ['Scotland', 'GB', 'GB-SCT'], ['Wales', 'UK', 'GB-WLS'], ['Northern Ireland', 'GB', 'GB-NIR'], ['Kent', 'GB', 'GB-KEN'], ['Surrey', 'GB', 'GB-SRY'],
  ['Dublin', 'IE', 'IE-D'], ['Co. Dublin', 'IE', 'IE-D'], ['County Cork', 'IE', 'IE-CO'], ['Cork', 'Ireland', 'IE-CO'], ['Galway', 'IE', 'IE-G'], ['Leinster', 'IE', 'IE-L'],
  // --- France, Spain, Italy, Netherlands, Belgium, Nordics, Poland --------------------------------
  ['Île-de-France', null, 'FR-IDF'], ['Ile de France', 'FR', 'FR-IDF'], ['IDF', 'FR', 'FR-IDF'], ['Rhône-Alpes', 'FR', 'FR-ARA'], ['Nord-Pas-de-Calais', 'FR', 'FR-HDF'],
  ['Provence-Alpes-Côte d’Azur', null, 'FR-PAC'], ['PACA', 'FR', 'FR-PAC'], ['Bretagne', 'FR', 'FR-BRE'], ['Brittany', null, 'FR-BRE'], ['Occitanie', null, 'FR-OCC'],
  ['Alsace', 'FR', 'FR-GES'], ['Normandie', 'FR', 'FR-NOR'], ['Corse', 'FR', 'FR-20R'], ['Paris', 'FR', 'FR-75C'],
  ['Cataluña', null, 'ES-CT'], ['Catalunya', null, 'ES-CT'], ['Catalonia', null, 'ES-CT'], ['Madrid', 'ES', 'ES-MD'], ['Comunidad de Madrid', null, 'ES-MD'],
  ['Andalucía', null, 'ES-AN'], ['Andalusia', null, 'ES-AN'], ['País Vasco', null, 'ES-PV'], ['Basque Country', 'ES', 'ES-PV'], ['Barcelona', 'ES', 'ES-B'],
  ['Valencia', 'ES', 'ES-VC'], ['Galicia', 'ES', 'ES-GA'], ['Canary Islands', null, 'ES-CN'],
  ['Lombardia', null, 'IT-25'], ['Lombardy', null, 'IT-25'], ['Lazio', 'IT', 'IT-62'], ['Piemonte', null, 'IT-21'], ['Toscana', 'IT', 'IT-52'], ['Tuscany', null, 'IT-52'],
  ['MI', 'IT', 'IT-MI'], ['Milano', 'IT', 'IT-MI'], ['Milan', 'IT', 'IT-MI'], ['RM', 'IT', 'IT-RM'], ['Roma', 'IT', 'IT-RM'], ['TO', 'IT', 'IT-TO'], ['Torino', 'IT', 'IT-TO'],
  ['Veneto', null, 'IT-34'], ['Emilia-Romagna', null, 'IT-45'], ['Sicilia', 'IT', 'IT-82'],
  ['Noord-Holland', null, 'NL-NH'], ['North Holland', null, 'NL-NH'], ['NH', 'NL', 'NL-NH'], ['Zuid-Holland', null, 'NL-ZH'], ['South Holland', 'NL', 'NL-ZH'],
  ['Utrecht', 'NL', 'NL-UT'], ['Noord-Brabant', null, 'NL-NB'], ['Gelderland', null, 'NL-GE'], ['Friesland', 'NL', 'NL-FR'], ['Limburg', 'NL', 'NL-LI'], ['Limburg', 'BE', 'BE-VLI'],
  ['Limburg', null, null, 'state.ambiguous'], ['NL', 'NL', null, 'state.country_mismatch'],
  ['Antwerpen', null, 'BE-VAN'], ['Antwerp', 'BE', 'BE-VAN'], ['Brussels', 'BE', 'BE-BRU'], ['Bruxelles', 'BE', 'BE-BRU'], ['Flanders', 'BE', 'BE-VLG'], ['Wallonia', 'BE', 'BE-WAL'],
  ['Stockholm', 'SE', 'SE-AB'], ['Stockholms län', null, 'SE-AB'], ['Skåne', 'SE', 'SE-M'], ['Västra Götaland', 'SE', 'SE-O'], ['Oslo', 'NO', 'NO-03'], ['Uusimaa', null, 'FI-18'],
  ['Mazowieckie', null, 'PL-14'], ['Masovian', 'PL', 'PL-14'], ['Małopolskie', 'PL', 'PL-12'], ['Hovedstaden', 'DK', 'DK-84'],
  // --- India, China, Japan, Korea, Singapore, NZ, ZA -------------------------------------------
  ['Maharashtra', null, 'IN-MH'], ['MH', 'IN', 'IN-MH'], ['Karnataka', null, 'IN-KA'], ['KA', 'IN', 'IN-KA'], ['Tamil Nadu', null, 'IN-TN'], ['TN', 'IN', 'IN-TN'],
  ['Delhi', 'IN', 'IN-DL'], ['New Delhi', 'IN', 'IN-DL'], ['NCT of Delhi', null, 'IN-DL'], ['Telangana', null, 'IN-TS'], ['Gujarat', null, 'IN-GJ'], ['Uttar Pradesh', null, 'IN-UP'],
  ['West Bengal', null, 'IN-WB'], ['Kerala', null, 'IN-KL'], ['Haryana', 'IN', 'IN-HR'], ['Orissa', null, 'IN-OD'], ['Odisha', 'IN', 'IN-OD'], ['Uttaranchal', 'IN', 'IN-UK'],
  ['Pondicherry', 'IN', 'IN-PY'], ['Puducherry', null, 'IN-PY'], ['Punjab', 'IN', 'IN-PB'], ['Punjab', 'PK', 'PK-PB'],
  ['Beijing', null, 'CN-BJ'], ['Beijing Shi', 'CN', 'CN-BJ'], ['北京', 'CN', 'CN-BJ'], ['CN-11', null, 'CN-BJ'], ['Shanghai', 'CN', 'CN-SH'], ['Guangdong', null, 'CN-GD'],
  ['Guangdong Sheng', 'CN', 'CN-GD'], ['Zhejiang', null, 'CN-ZJ'], ['Jiangsu', 'CN', 'CN-JS'], ['Sichuan', null, 'CN-SC'],
  ['Tokyo', 'JP', 'JP-13'], ['Tōkyō', 'JP', 'JP-13'], ['東京都', 'JP', 'JP-13'], ['Tokyo-to', 'JP', 'JP-13'], ['Osaka', 'JP', 'JP-27'], ['大阪府', null, 'JP-27'],
  ['Kanagawa', 'JP', 'JP-14'], ['Aichi', 'JP', 'JP-23'], ['Hokkaido', null, 'JP-01'], ['Fukuoka', 'JP', 'JP-40'], ['13', 'JP', 'JP-13'],
  ['神奈川', 'JP', 'JP-14'], ['北海道', null, 'JP-01'], ['福岡県', null, 'JP-40'], ['沖縄', 'JP', 'JP-47'], ['Hyōgo', 'JP', 'JP-28'], ['Chiba-ken', 'JP', 'JP-12'],
  ['广东省', null, 'CN-GD'], ['上海市', null, 'CN-SH'], ['浙江', 'CN', 'CN-ZJ'], ['Inner Mongolia', null, 'CN-NM'], ['Tibet', 'China', 'CN-XZ'], ['Hong Kong', null, null, 'state.unknown'],
  ['서울특별시', null, 'KR-11'], ['경기도', 'KR', 'KR-41'], ['Gyeonggi', 'South Korea', 'KR-41'], ['Marlborough', 'NZ', 'NZ-MBH'],
  ['Seoul', 'KR', 'KR-11'], ['Gyeonggi-do', 'KR', 'KR-41'], ['Busan', 'KR', 'KR-26'],
  ['Auckland', 'NZ', 'NZ-AUK'], ['Wellington', 'NZ', 'NZ-WGN'], ['Canterbury', 'NZ', 'NZ-CAN'], ['Gauteng', null, 'ZA-GP'], ['Western Cape', null, 'ZA-WC'], ['KZN', 'ZA', 'ZA-KZN'],
  // --- Mexico, Brazil ------------------------------------------------------------------------
  ['CDMX', null, 'MX-CMX'], ['DF', 'MX', 'MX-CMX'], ['D.F.', 'MX', 'MX-CMX'], ['Distrito Federal', 'MX', 'MX-CMX'], ['Ciudad de México', null, 'MX-CMX'],
  ['Mexico City', 'MX', 'MX-CMX'], ['Jalisco', null, 'MX-JAL'], ['JAL', 'MX', 'MX-JAL'], ['Nuevo León', null, 'MX-NLE'], ['Nuevo Leon', 'MX', 'MX-NLE'],
  ['Estado de México', 'MX', 'MX-MEX'], ['Edomex', 'MX', 'MX-MEX'], ['Querétaro', null, 'MX-QUE'], ['Yucatán', 'MX', 'MX-YUC'],
  ['SP', 'BR', 'BR-SP'], ['São Paulo', 'BR', 'BR-SP'], ['Sao Paulo', null, 'BR-SP'], ['RJ', 'BR', 'BR-RJ'], ['Rio de Janeiro', 'BR', 'BR-RJ'], ['MG', 'BR', 'BR-MG'],
  ['Minas Gerais', null, 'BR-MG'], ['BA', 'BR', 'BR-BA'], ['Bahia', null, 'BR-BA'], ['PR', 'BR', 'BR-PR'], ['Paraná', 'BR', 'BR-PR'], ['Rio Grande do Sul', null, 'BR-RS'],
  ['DF', 'BR', 'BR-DF'], ['Distrito Federal', 'BR', 'BR-DF'],
  // --- decorated values ------------------------------------------------------------------------
  ['CA - California', null, 'US-CA'], ['California (CA)', null, 'US-CA'], ['Alberta (AB)', null, 'CA-AB'], ['NY - New York', null, 'US-NY'], ['New York, NY', null, 'US-NY'],
  ['Ontario, Canada', null, 'CA-ON'], ['ON, Canada', null, 'CA-ON'], ['Bavaria, Germany', null, 'DE-BY'], ['Rio de Janeiro (RJ)', 'BR', 'BR-RJ'],
  ['São Paulo - SP', 'BR', 'BR-SP'], ['Québec (Province)', null, 'CA-QC'], ['Province of Ontario', null, 'CA-ON'], ['State of New York', null, 'US-NY'],
  ['Karnataka State', 'IN', 'IN-KA'], ['Delhi NCR', null, 'IN-DL'], ['Virgin Islands', 'US', 'US-VI'], ['Ontario, Canada', 'US', null, 'state.country_mismatch'],
  ['Mumbai', 'IN', null, 'state.unknown'], ['Greater Manchester', 'GB', null, 'state.unknown'],
  // --- ambiguous, mismatched and junk ----------------------------------------------------------
  ['Punjab', null, 'IN-PB'], ['Distrito Federal', null, null, 'state.ambiguous'],
  ['Bayern', 'US', null, 'state.country_mismatch'], ['Ontario', 'US', null, 'state.country_mismatch'], ['TX', 'CA', null, 'state.country_mismatch'],
  ['NSW', 'US', null, 'state.country_mismatch'], ['California', 'DE', null, 'state.country_mismatch'],
  ['xx', null, null, 'state.unknown'], ['asdf', 'US', null, 'state.unknown'], ['N/A', null, null, 'state.unknown'], ['Unknown', 'US', null, 'state.unknown'],
  ['12345', 'US', null, 'state.unknown'], ['Acme Corp', null, null, 'state.unknown'], ['ZZ', 'US', null, 'state.unknown'], ['-', 'US', null, 'state.unknown'],
  ['Q', null, null, 'state.unknown'], ['Springfield', 'US', null, 'state.unknown'],
];
