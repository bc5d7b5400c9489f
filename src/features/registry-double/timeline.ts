import type { Endringstype } from '../register/brreg-shapes.ts';
import { DAY_MS } from './dates.ts';
import { hashInts, Rng } from './random.ts';

/**
 * The history of the generated register around the moment the bulk file was built (the snapshot): the change
 * feed of units (`/oppdateringer/enheter`, brief §1.5) and the roles feed (`/oppdateringer/roller`).
 *
 * Entries before the snapshot are already reflected in the bulk file; entries after it are not, so an importer
 * that loads the bulk and then follows the feed from the first entry after the snapshot ends up with exactly
 * the current state that the single-unit API serves. The mix follows the observed week (Endring 75.9 %, Ny
 * 16.1 %, Sletting 7.3 %, Fjernet 0.7 %); the rate follows the observed ~2 700 changes a day for 1.17 M units,
 * scaled to the register's size; ids increase with gaps.
 *
 * Index layout of the unit universe:
 *   [0, units)                              in the bulk file
 *   [units, units + after)                  created after the snapshot ("Ny"); only the ones used exist
 *   [.., + before)                          deleted before the snapshot, with a feed entry ("Sletting"/"Fjernet")
 *   [.., + deletedOld)                      deleted long ago: only a 410 Gone
 */

export const ENDRINGSTYPER = ['Ny', 'Endring', 'Sletting', 'Fjernet'] as const satisfies readonly Endringstype[];
export const NY = 0;
export const ENDRING = 1;
export const SLETTING = 2;
export const FJERNET = 3;

/** Role feed entry kinds: the first roles of a new unit, or a board change of an existing one. */
export const ROLES_OF_NEW_UNIT = 0;
export const BOARD_CHANGE = 1;

export interface UnitHistory {
  /** Feed position of the unit's "Ny". */
  created?: number;
  /** Feed positions of its "Endring" entries, in order. */
  changes: number[];
  /** Feed position of its "Sletting" or "Fjernet". */
  deleted?: number;
  /** Roles feed positions of its board changes, in order. */
  boardChanges: number[];
}

export interface Layout {
  bulk: number;
  createdStart: number;
  deletedRecentStart: number;
  deletedOldStart: number;
  total: number;
}

export interface Timeline {
  layout: Layout;
  /** Change feed of units, sorted by id and time. Positions [0, before) precede the snapshot. */
  feed: { ids: Float64Array; times: Float64Array; types: Uint8Array; units: Int32Array; count: number; before: number };
  roles: { ids: Float64Array; times: Float64Array; kinds: Uint8Array; units: Int32Array; count: number; before: number };
  histories: Map<number, UnitHistory>;
  /** Units created after the snapshot (their indexes are createdStart + [0, created)). */
  created: number;
  /** Units deleted before the snapshot with a feed entry (indexes deletedRecentStart + [0, deletedRecent)). */
  deletedRecent: number;
}

const OBSERVED_UNITS = 1_173_878;
const OBSERVED_CHANGES_PER_DAY = 2_700;

function history(histories: Map<number, UnitHistory>, index: number): UnitHistory {
  let h = histories.get(index);
  if (!h) {
    h = { changes: [], boardChanges: [] };
    histories.set(index, h);
  }
  return h;
}

export interface TimelineOptions {
  seedHash: number;
  units: number;
  before: number;
  after: number;
  deletedOld: number;
  snapshotMs: number;
  /** Whether a unit has roles (so a board change or a new unit's roles make sense). */
  hasRoles: (index: number) => boolean;
}

export function buildTimeline(opts: TimelineOptions): Timeline {
  const { units, before, after, snapshotMs } = opts;
  const count = before + after;
  const rng = new Rng(hashInts(opts.seedHash, 0x7131e, 1));
  const layout: Layout = {
    bulk: units,
    createdStart: units,
    deletedRecentStart: units + after,
    deletedOldStart: units + after + before,
    total: units + after + before + opts.deletedOld,
  };

  const perDay = Math.max(1, (units * OBSERVED_CHANGES_PER_DAY) / OBSERVED_UNITS);
  const stepMs = DAY_MS / perDay;
  const startMs = snapshotMs - before * stepMs;
  const ids = new Float64Array(count);
  const times = new Float64Array(count);
  const types = new Uint8Array(count);
  const unitsOf = new Int32Array(count);
  let id = 20_000_000 + (opts.seedHash % 5_000_000);
  for (let k = 0; k < count; k++) {
    // (k + u)·step with u < 1 keeps times strictly increasing and the "before" ones before the snapshot.
    times[k] = Math.floor(startMs + (k + rng.next() * 0.98) * stepMs);
    if (k === before && times[k]! < snapshotMs) times[k] = snapshotMs;
    const gapRoll = rng.next();
    id += 1 + (gapRoll < 0.7 ? 0 : gapRoll < 0.95 ? rng.int(1, 3) : rng.int(10, 500));
    ids[k] = id;
    const roll = rng.next();
    types[k] = roll < 0.759 ? ENDRING : roll < 0.92 ? NY : roll < 0.993 ? SLETTING : FJERNET;
  }

  const histories = new Map<number, UnitHistory>();
  const isAlive = (i: number) => histories.get(i)?.deleted === undefined;
  let created = 0;
  let deletedRecent = 0;
  const pickAlive = (limit: number): number | undefined => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const i = rng.int(0, limit - 1);
      if (isAlive(i)) return i;
    }
    return undefined;
  };
  for (let k = 0; k < count; k++) {
    const isBefore = k < before;
    let type = types[k] as number;
    if (isBefore) {
      if (type === NY) {
        let chosen: number | undefined;
        for (let attempt = 0; attempt < 20 && chosen === undefined; attempt++) {
          const i = rng.int(0, units - 1);
          if (!histories.has(i)) chosen = i;
        }
        if (chosen === undefined) type = ENDRING;
        else {
          history(histories, chosen).created = k;
          unitsOf[k] = chosen;
        }
      }
      if (type === ENDRING) {
        const i = rng.int(0, units - 1);
        history(histories, i).changes.push(k);
        unitsOf[k] = i;
      } else if (type === SLETTING || type === FJERNET) {
        const i = layout.deletedRecentStart + deletedRecent++;
        history(histories, i).deleted = k;
        unitsOf[k] = i;
      }
    } else {
      if (type === SLETTING || type === FJERNET) {
        const i = pickAlive(units);
        if (i === undefined) type = ENDRING;
        else {
          history(histories, i).deleted = k;
          unitsOf[k] = i;
        }
      }
      if (type === ENDRING) {
        const i = pickAlive(units + created);
        // A register whose every unit is gone can only grow: the change becomes a new unit.
        if (i === undefined) type = NY;
        else {
          history(histories, i).changes.push(k);
          unitsOf[k] = i;
        }
      }
      if (type === NY) {
        const i = layout.createdStart + created++;
        history(histories, i).created = k;
        unitsOf[k] = i;
      }
    }
    types[k] = type;
  }

  // Roles feed: a new unit's first roles shortly after its "Ny", and board changes (e.g. after an årsmøte).
  const roleEvents: { time: number; kind: number; unit: number }[] = [];
  for (let k = 0; k < count; k++) {
    if (types[k] === NY && opts.hasRoles(unitsOf[k] as number)) {
      roleEvents.push({ time: (times[k] as number) + rng.int(1_000, 600_000), kind: ROLES_OF_NEW_UNIT, unit: unitsOf[k] as number });
    }
  }
  const endMs = count > 0 ? (times[count - 1] as number) : snapshotMs;
  const boardChanges = Math.round(count * 0.4);
  for (let n = 0; n < boardChanges; n++) {
    const time = Math.floor(startMs + rng.next() * (endMs - startMs));
    for (let attempt = 0; attempt < 10; attempt++) {
      const i = rng.int(0, units - 1);
      const h = histories.get(i);
      const deletedAt = h?.deleted !== undefined ? (times[h.deleted] as number) : Number.POSITIVE_INFINITY;
      const createdAt = h?.created !== undefined ? (times[h.created] as number) : Number.NEGATIVE_INFINITY;
      if (time < deletedAt && time > createdAt && opts.hasRoles(i)) {
        roleEvents.push({ time, kind: BOARD_CHANGE, unit: i });
        break;
      }
    }
  }
  roleEvents.sort((a, b) => a.time - b.time || a.unit - b.unit);
  const roleCount = roleEvents.length;
  const roles = {
    ids: new Float64Array(roleCount),
    times: new Float64Array(roleCount),
    kinds: new Uint8Array(roleCount),
    units: new Int32Array(roleCount),
    count: roleCount,
    before: 0,
  };
  let roleId = 1_000_000 + (opts.seedHash % 100_000);
  roleEvents.forEach((event, p) => {
    roleId += 1 + (rng.chance(0.8) ? 0 : rng.int(1, 40));
    roles.ids[p] = roleId;
    roles.times[p] = event.time;
    roles.kinds[p] = event.kind;
    roles.units[p] = event.unit;
    if (event.time < snapshotMs) roles.before = p + 1;
    if (event.kind === BOARD_CHANGE) history(histories, event.unit).boardChanges.push(p);
  });

  return { layout, feed: { ids, times, types, units: unitsOf, count, before }, roles, histories, created, deletedRecent };
}
