// Obviously synthetic names. Surnames are built from syllables so that large runs rarely collide;
// a few carry accents, apostrophes, hyphens or spaces (valid per E111/E112).

export const FIRST_M = [
  'Aldo', 'Amos', 'Arlo', 'Bram', 'Cato', 'Dario', 'Elio', 'Emil', 'Ezra', 'Felix', 'Gael', 'Hugo', 'Ivo', 'Jonas', 'Kai',
  'Lino', 'Marco', 'Milo', 'Nico', 'Otto', 'Pablo', 'Quinn', 'Rafa', 'Remy', 'Silas', 'Tomás', 'Ugo', 'Vito', 'Wes', 'Yuri',
  'Zane', 'Andrés', 'Jean-Luc', 'Théo', 'Joël', 'Mateo', 'Bao', 'Minh', 'Arjun', 'Kenji', 'Tavo', 'Lalo', 'Nash', 'Orin', 'Pax',
] as const;
export const FIRST_F = [
  'Ada', 'Alma', 'Ana', 'Bea', 'Cleo', 'Dora', 'Edda', 'Elsa', 'Fern', 'Gala', 'Hana', 'Ines', 'Iris', 'Juno', 'Kira', 'Lena',
  'Lise', 'Mara', 'Mina', 'Nell', 'Nora', 'Opal', 'Pia', 'Rosa', 'Sada', 'Tess', 'Uma', 'Vera', 'Wren', 'Yara', 'Zoë',
  'Renée', 'Mary Jo', 'Anne-Marie', 'Chloé', 'Noémie', 'Lupita', 'Mai', 'Linh', 'Priya', 'Yuki', 'Itzel', 'Tala', 'Edie', 'Liv',
] as const;

const SYL1 = ['Bar', 'Cal', 'Dov', 'Fen', 'Gar', 'Hol', 'Jas', 'Kel', 'Lom', 'Mar', 'Nor', 'Pel', 'Quar', 'Ros', 'Sel', 'Tam', 'Vel', 'Wick', 'Yar', 'Zel', 'Ald', 'Bren', 'Cor', 'Dun'] as const;
const SYL2 = ['a', 'e', 'i', 'o', 'u', 'an', 'en', 'in', 'or', 'ar', 'el', 'il', 'ov', 'ad', 'ur', 'ey'] as const;
const SYL3 = ['by', 'den', 'ford', 'ley', 'ton', 'wick', 'more', 'stead', 'ski', 'ez', 'ino', 'ani', 'sen', 'ova', 'ard', 'wyn', 'ic', 'elli'] as const;

/** Special surnames (accents, apostrophes, hyphens, spaces) used with small probability. */
export const SPECIAL_LAST = [
  "O'Brannigan", "D'Alvora", 'García-Lomar', 'Núñez', 'Peña', 'Sørlund', 'Müllerton', 'Van der Velt', 'Le Quan', 'St. Jarvis',
  'Ybarra-Kent', 'Đặng', 'Nguyễn-Tal', 'Zúñiga', 'De la Fenn', "McKel'n",
] as const;

export function surname(a: number, b: number, c: number): string {
  return `${SYL1[a % SYL1.length]}${SYL2[b % SYL2.length]}${SYL3[c % SYL3.length]}`;
}
export const SURNAME_SPACE = SYL1.length * SYL2.length * SYL3.length;

/** name_key of DATA-CONTRACT.md 3.1 (upper-cased letters only of the NFC names + birthdate + gender). */
export function nameKey(last: string, first: string, birthIso: string, gender: string): string {
  const norm = (s: string): string => s.normalize('NFC').toUpperCase().replace(/[^\p{L}]/gu, '');
  return `${norm(last)}|${norm(first)}|${birthIso}|${gender}`;
}

export const DISTRICT_STEMS = [
  'Alder Creek', 'Bayview', 'Cedar Flats', 'Dry Gulch', 'Elm Hollow', 'Fox Canyon', 'Granite Ridge', 'Harbor Point', 'Iron Mesa',
  'Juniper Vale', 'Kestrel Bay', 'Laurel Springs', 'Mill Valley Junction', 'North Oak', 'Orchard Park', 'Pine Bluff', 'Quail Hill',
  'Redwood Glen', 'Sage Meadow', 'Tule Lake', 'Upper Fork', 'Vista Verde', 'Willow Bend', 'Yucca Wash', 'Zephyr Cove', 'Acorn Ridge',
  'Blue Heron', 'Coyote Run', 'Delta Bend', 'Eagle Rock', 'Fern Gully', 'Golden Vale', 'Hidden Lake', 'Indian Wells Bend', 'Jade Hills',
  'Kings River', 'Lone Pine', 'Mariposa Flat', 'Nopal', 'Ocean Terrace', 'Poppy Field', 'Quartz Hill', 'Rio Seco', 'San Benito Flat',
  'Tamarack', 'Ursa', 'Valle Lindo', 'Whitewater', 'Yolo Bend', 'Zinfandel',
] as const;

export const NPS_NAMES = ['BRIGHTW', 'OAKGROV', 'SUNRISE', 'HARBORH', 'NEWHOPE', 'PATHWAY', 'STEPPIN', 'LIGHTHS'] as const;
