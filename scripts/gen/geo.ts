// Counties, SELPAs, districts and schools.
import { Rng } from './rng.ts';
import { DISTRICT_STEMS } from './names.ts';

export type DistrictType = 'elementary' | 'high' | 'unified' | 'coe' | 'other';

export interface School {
  code: string;
  level: 'pre' | 'elem' | 'mid' | 'high';
}

export interface District {
  code: string;
  name: string;
  selpa: string;
  county: string;
  type: DistrictType;
  charter: boolean;
  /** Relative size (share of the SELPA's students). */
  weight: number;
  schools: School[];
}

export interface Selpa {
  code: string;
  name: string;
  county: string;
  districts: District[];
  /** Residence candidates: grades K-8 (and preschool) and grades 9-12+. */
  low: District[];
  high: District[];
  coe: District | null;
  /** STUDENT_ID style of this SELPA's local system. */
  idStyle: number;
}

export interface Geo {
  selpas: Selpa[];
  districts: District[];
  byCode: Map<string, District>;
}

const COUNTY_NAMES = [
  'Alameda', 'Alpine', 'Amador', 'Butte', 'Calaveras', 'Colusa', 'Contra Costa', 'Del Norte', 'El Dorado', 'Fresno', 'Glenn',
  'Humboldt', 'Imperial', 'Inyo', 'Kern', 'Kings', 'Lake', 'Lassen', 'Los Angeles', 'Madera', 'Marin', 'Mariposa', 'Mendocino',
  'Merced', 'Modoc', 'Mono', 'Monterey', 'Napa', 'Nevada', 'Orange', 'Placer', 'Plumas', 'Riverside', 'Sacramento', 'San Benito',
  'San Bernardino', 'San Diego', 'San Francisco', 'San Joaquin', 'San Luis Obispo', 'San Mateo', 'Santa Barbara', 'Santa Clara',
  'Santa Cruz', 'Shasta', 'Sierra', 'Siskiyou', 'Solano', 'Sonoma', 'Stanislaus', 'Sutter', 'Tehama', 'Trinity', 'Tulare',
  'Tuolumne', 'Ventura', 'Yolo', 'Yuba',
] as const;

export function countyName(code: string): string {
  return COUNTY_NAMES[(Number(code) - 1) % COUNTY_NAMES.length] ?? 'Synthetic';
}

const SUFFIX: Record<DistrictType, string> = {
  elementary: 'Elementary School District',
  high: 'Joint Union High School District',
  unified: 'Unified School District',
  coe: 'County Office of Education',
  other: 'Charter Schools District',
};

interface Plan {
  county: string;
  types: DistrictType[];
}

class CodeBook {
  private used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  district(county: string): string {
    for (;;) {
      const c = `${county}${String(this.rng.int(10000, 79999))}`;
      if (!this.used.has(c)) {
        this.used.add(c);
        return c;
      }
    }
  }
  school(): string {
    for (;;) {
      const c = String(this.rng.int(1000000, 6999999));
      if (!this.used.has(`s${c}`)) {
        this.used.add(`s${c}`);
        return c;
      }
    }
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function buildSchools(rng: Rng, book: CodeBook, type: DistrictType, weight: number, perWeight: number): School[] {
  const levels: Array<School['level']> =
    type === 'elementary' ? ['pre', 'elem', 'mid'] :
    type === 'high' ? ['high'] :
    type === 'coe' ? ['pre', 'elem', 'high'] :
    type === 'other' ? ['elem', 'mid', 'high'] : ['pre', 'elem', 'mid', 'high'];
  const out: School[] = [];
  for (const level of levels) {
    const base = level === 'elem' ? 3 : level === 'pre' ? 0.6 : 1;
    const n = Math.max(1, Math.min(60, Math.round(base * weight * perWeight * (0.7 + rng.next() * 0.6))));
    for (let i = 0; i < n; i++) out.push({ code: book.school(), level });
  }
  return out;
}

function finish(
  rng: Rng,
  plans: Plan[],
  stems: string[],
  commaName: boolean,
  schoolsPerWeight: number,
): Geo {
  const book = new CodeBook(rng);
  const selpas: Selpa[] = [];
  const districts: District[] = [];
  const selpaCount = new Map<string, number>();
  const coeDone = new Set<string>();
  let stemIdx = 0;
  const nextStem = (): string => {
    const s = stems[stemIdx % stems.length] ?? 'Synthetic';
    const round = Math.floor(stemIdx / stems.length);
    stemIdx++;
    return round === 0 ? s : `${s} ${['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Valley', 'Coast', 'Mesa'][round % 10] ?? ''}${round >= 10 ? ` ${round}` : ''}`;
  };
  for (const plan of plans) {
    const n = (selpaCount.get(plan.county) ?? 0) + 1;
    selpaCount.set(plan.county, n);
    const code = `${plan.county}${pad2(n + 9)}`;
    const ds: District[] = [];
    for (const type of plan.types) {
      if (type === 'coe' && coeDone.has(plan.county)) continue;
      if (type === 'coe') coeDone.add(plan.county);
      const stem = type === 'coe' ? countyName(plan.county) : nextStem();
      const weight =
        type === 'coe' ? 0.15 :
        type === 'unified' ? 2 + rng.next() * 6 :
        type === 'high' ? 1.2 + rng.next() * 2 :
        type === 'other' ? 0.2 + rng.next() * 0.3 : 0.4 + rng.next() * 2.2;
      ds.push({
        code: book.district(plan.county),
        name: `${stem} ${SUFFIX[type]}`,
        selpa: code,
        county: plan.county,
        type,
        charter: type === 'other',
        weight,
        schools: [],
      });
    }
    for (const d of ds) d.schools = buildSchools(rng, book, d.type, d.weight, schoolsPerWeight);
    const first = ds.find((d) => d.type !== 'coe');
    const selpaName = ds.length <= 2 && first ? `${first.name.replace(/ School District$/, '')} SELPA` : `${countyName(plan.county)} ${['Consortium', 'Region', 'Valley', 'Area', 'Mountain', 'Desert', 'Coastal'][n % 7] ?? 'Area'} SELPA`;
    const coe = ds.find((d) => d.type === 'coe') ?? null;
    selpas.push({
      code,
      name: selpaName,
      county: plan.county,
      districts: ds,
      low: ds.filter((d) => d.type === 'elementary' || d.type === 'unified' || d.type === 'other'),
      high: ds.filter((d) => d.type === 'high' || d.type === 'unified' || d.type === 'other'),
      coe,
      idStyle: selpas.length % 4,
    });
    districts.push(...ds);
  }
  if (commaName) {
    const d = districts.find((x) => x.type === 'elementary');
    if (d) d.name = `${d.name.replace(/ Elementary School District$/, '')}, Bayview and Rowe Union Elementary School District`;
  }
  const byCode = new Map<string, District>();
  for (const d of districts) byCode.set(d.code, d);
  return { selpas, districts, byCode };
}

/** The sample's 24 districts in 4 SELPAs (3 counties). */
export function sampleGeo(rng: Rng): Geo {
  const plans: Plan[] = [
    { county: '19', types: ['coe', 'elementary', 'elementary', 'elementary', 'elementary', 'high', 'unified'] },
    { county: '19', types: ['unified', 'other'] },
    { county: '30', types: ['coe', 'elementary', 'elementary', 'elementary', 'elementary', 'elementary', 'high', 'unified', 'unified'] },
    { county: '37', types: ['coe', 'elementary', 'elementary', 'elementary', 'high', 'unified'] },
  ];
  return finish(rng, plans, rng.shuffle([...DISTRICT_STEMS]), true, 1.2);
}

/** About `nDistricts` districts in `nSelpas` SELPAs over 58 counties. */
export function statewideGeo(rng: Rng, nSelpas: number, nDistricts: number): Geo {
  const plans: Plan[] = [];
  // Non-COE districts to spread: nDistricts minus one COE per county.
  let remaining = nDistricts - 58;
  for (let i = 0; i < nSelpas; i++) {
    const county = pad2((i % 58) + 1);
    const left = nSelpas - i;
    const target = Math.max(1, Math.round(remaining / left + (rng.next() - 0.5) * 6));
    const types: DistrictType[] = [];
    if (i < 58) types.push('coe');
    if (target <= 2) {
      types.push('unified');
      if (target === 2) types.push(rng.chance(0.5) ? 'other' : 'elementary');
    } else {
      const nHigh = Math.max(1, Math.round(target * 0.12));
      const nUni = Math.max(1, Math.round(target * 0.25));
      const nOther = rng.chance(0.3) ? 1 : 0;
      const nElem = Math.max(0, target - nHigh - nUni - nOther);
      for (let k = 0; k < nElem; k++) types.push('elementary');
      for (let k = 0; k < nHigh; k++) types.push('high');
      for (let k = 0; k < nUni; k++) types.push('unified');
      for (let k = 0; k < nOther; k++) types.push('other');
    }
    remaining -= types.filter((t) => t !== 'coe').length;
    plans.push({ county, types });
  }
  return finish(rng, plans, [...DISTRICT_STEMS], false, 0.9);
}
