import reference from '../register/reference-data/kommuner_2024.json' with { type: 'json' };
import { hashString, WeightedTable } from './random.ts';

/**
 * Kommuner for generated addresses, weighted roughly by population so that big cities hold more units
 * (Oslo about 13 % of the country). Populations are rounded figures for 2024, in thousands, for the larger
 * kommuner; the rest get a deterministic weight between 1 500 and 9 000 inhabitants, close to the real spread.
 * Postnummer are plausible (the right range for the fylke), not real postal data.
 */
const POPULATION_THOUSANDS: Record<string, number> = {
  '0301': 717,
  '4601': 291,
  '5001': 214,
  '1103': 149,
  '3201': 131,
  '4204': 117,
  '3301': 104,
  '3203': 97,
  '3205': 93,
  '3107': 85,
  '1108': 83,
  '5501': 78,
  '3907': 65,
  '3207': 62,
  '1508': 59,
  '3105': 59,
  '3905': 58,
  '4003': 56,
  '1804': 54,
  '3103': 51,
  '3222': 50,
  '3909': 48,
  '4203': 46,
  '3118': 46,
  '1149': 43,
  '3209': 42,
  '4626': 39,
  '1106': 38,
  '4001': 37,
  '3411': 35,
  '3403': 33,
  '1506': 32,
  '4631': 32,
  '3407': 31,
  '3305': 31,
  '3101': 31,
  '4627': 30,
  '3405': 29,
  '1124': 28,
  '3303': 28,
  '3312': 28,
  '3901': 28,
  '3240': 27,
  '3911': 27,
  '1833': 26,
  '5035': 25,
  '4624': 25,
  '3232': 25,
  '3903': 25,
  '5503': 25,
  '1505': 24,
  '3228': 24,
  '4202': 24,
  '4205': 24,
  '5006': 24,
  '1806': 22,
  '4647': 22,
  '5601': 21,
  '3218': 21,
  '3420': 21,
  '3413': 21,
  '1119': 20,
  '1120': 20,
  '3212': 20,
  '5037': 20,
  '3314': 20,
  '1121': 19,
  '3216': 19,
  '3224': 19,
  '4614': 19,
  '5059': 19,
  '3226': 18,
  '3401': 18,
  '4602': 17,
  '5028': 17,
  '3214': 16,
  '4621': 16,
  '3238': 15,
  '4223': 15,
  '3442': 15,
  '5007': 15,
  '5038': 15,
  '5530': 15,
  '3446': 14,
  '4012': 14,
  '5031': 14,
  '1130': 13,
  '3443': 13,
  '3316': 13,
  '4617': 13,
  '1579': 13,
  '1824': 13,
  '1122': 12,
  '1146': 12,
  '4613': 12,
  '4640': 12,
  '1860': 12,
  '5060': 12,
  '1520': 11,
  '3220': 11,
  '4215': 11,
  '4225': 11,
  '4618': 11,
  '5057': 11,
  '5603': 11,
  '1531': 10,
  '1577': 10,
  '1865': 10,
  '1870': 10,
  '4014': 10,
  '5054': 10,
  '5605': 10,
};

/** Kommune names in plain upper-case Norwegian, as Enhetsregisteret writes them (brief §3.2). */
const NORWEGIAN_NAME: Record<string, string> = {
  '1826': 'Hattfjelldal',
  '1875': 'Hamarøy',
  '5041': 'Snåsa',
  '5043': 'Røyrvik',
  '5512': 'Tjeldsund',
  '5518': 'Lavangen',
  '5540': 'Kåfjord',
  '5610': 'Karasjok',
  '5612': 'Kautokeino',
  '5628': 'Tana',
  '5636': 'Nesseby',
};

/** Postnummer ranges per fylke (first two digits of kommunenummer). */
const POSTNUMMER_RANGES: Record<string, readonly [number, number][]> = {
  '03': [[10, 1295]],
  '11': [
    [4000, 4399],
    [5500, 5599],
  ],
  '15': [[6000, 6699]],
  '18': [[8000, 8999]],
  '31': [[1500, 1899]],
  '32': [
    [1300, 1499],
    [1900, 2099],
  ],
  '33': [
    [3000, 3059],
    [3300, 3629],
  ],
  '34': [[2100, 2999]],
  '39': [[3100, 3299]],
  '40': [[3630, 3999]],
  '42': [[4400, 4999]],
  '46': [
    [5000, 5499],
    [5600, 5999],
    [6700, 6999],
  ],
  '50': [[7000, 7999]],
  '55': [[9000, 9499]],
  '56': [[9500, 9999]],
};

export interface Kommune {
  nummer: string;
  /** Upper case, as in addresses: "OSLO", "KAUTOKEINO". */
  navn: string;
  /** Mixed case, for organisation names: "Oslo", "Nordre Land". */
  stedsnavn: string;
  fylkesnummer: string;
  /** First postnummer of the kommune; addresses use it plus a small offset. */
  postnummerBase: number;
  /** In the Sami administrative area or nearby: more Sami names. */
  sami: boolean;
}

const SAMI_AREA = new Set([
  '5610',
  '5612',
  '5628',
  '5636',
  '5622',
  '5540',
  '5544',
  '5536',
  '5538',
  '1826',
  '1875',
  '1853',
  '5041',
  '5043',
  '5512',
  '5518',
]);

function plainName(nummer: string, official: string): string {
  const norwegian = NORWEGIAN_NAME[nummer] ?? official.split(' - ')[0] ?? official;
  return norwegian.replace(/\s*\(.*\)$/, '');
}

function postnummerBase(nummer: string, fylke: string): number {
  const ranges = POSTNUMMER_RANGES[fylke] ?? [[1, 9999]];
  const h = hashString(`postnummer:${nummer}`);
  const range = ranges[h % ranges.length] as [number, number];
  const span = Math.max(1, range[1] - range[0] - 9);
  return range[0] + (Math.floor(h / 7) % span);
}

export const KOMMUNER: readonly Kommune[] = reference.kommuner.map((k) => {
  const stedsnavn = plainName(k.kommunenummer, k.navn);
  return {
    nummer: k.kommunenummer,
    navn: stedsnavn.toUpperCase(),
    stedsnavn,
    fylkesnummer: k.fylkesnummer,
    postnummerBase: postnummerBase(k.kommunenummer, k.fylkesnummer),
    sami: SAMI_AREA.has(k.kommunenummer),
  };
});

export function populationWeight(nummer: string): number {
  const known = POPULATION_THOUSANDS[nummer];
  if (known !== undefined) return known * 1000;
  return 1500 + (hashString(`population:${nummer}`) % 7500);
}

export const KOMMUNE_TABLE = new WeightedTable(
  KOMMUNER.map((_, i) => i),
  KOMMUNER.map((k) => populationWeight(k.nummer)),
);

export const SAMI_KOMMUNER: readonly number[] = KOMMUNER.flatMap((k, i) => (k.sami ? [i] : []));
