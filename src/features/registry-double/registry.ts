import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import type {
  Enhet,
  FrivilligOrganisasjon,
  OppdatertEnhet,
  RolleHendelse,
  RollerResponse,
  SlettetEnhet,
} from '../register/brreg-shapes.ts';
import { DAY_MS, dayFromIso, dayOfYearStart, isoFromDay, isoFromMs } from './dates.ts';
import { buildFrivillig } from './frivillig.ts';
import { OrgnrSpace } from './orgnr-space.ts';
import { hashInts, hashString, Rng } from './random.ts';
import { buildRoller, hasRoles, type RoleHolderLookup } from './roles.ts';
import { BOARD_CHANGE, buildTimeline, ENDRING, ENDRINGSTYPER, FJERNET, NY, SLETTING, type Timeline } from './timeline.ts';
import { applyChange, buildEnhet, pickDay, type UnitContext, type UnitCore, unitCore } from './unit.ts';

/**
 * A generated Enhetsregisteret + Frivillighetsregisteret, deterministic by seed. Nothing is held per unit:
 * every record is rebuilt from (seed, index) on demand, and organisasjonsnummer ↔ index is a bijection
 * (orgnr-space.ts), so the double can serve millions of units from a few megabytes of change history.
 *
 * Two moments exist: the snapshot (what the bulk file holds) and the current state (snapshot plus every change
 * feed entry after it), which the single-unit API, the search and Frivillighetsregisteret serve.
 */

export const DEFAULT_SNAPSHOT = '2026-11-02T05:00:00.000Z';
export const DEFAULT_RECORD_BASE_URL = 'https://data.brreg.no';
/** Bumped when the generated content changes, so etags and manifests tell versions apart. */
export const GENERATOR_VERSION = 1;

export interface RegistryOptions {
  seed: string | number;
  /** Units in the bulk file (the real register has about 1.17 million). */
  units: number;
  /** When the bulk file was built (ISO timestamp). */
  snapshot?: string;
  /** Change feed entries before and after the snapshot; by default about a week of changes each. */
  feedBefore?: number;
  feedAfter?: number;
  /** Base of the links inside records. */
  recordBaseUrl?: string;
}

export type Moment = 'snapshot' | 'current';

export type Lookup =
  | { status: 'invalid' }
  | { status: 'unknown' }
  | { status: 'gone'; index: number; body: SlettetEnhet }
  | { status: 'found'; index: number };

/** Default feed length: about a week of the observed rate (2 700 a day per 1.17 M units), at least 20. */
export function defaultFeedLength(units: number): number {
  return Math.max(20, Math.round(units * 0.016));
}

export class Registry {
  readonly seed: string;
  readonly seedHash: number;
  readonly units: number;
  readonly snapshotMs: number;
  readonly snapshotDay: number;
  readonly recordBaseUrl: string;
  readonly ctx: UnitContext;
  readonly timeline: Timeline;
  /** Day of the last change: "today" for the current state. */
  readonly currentDay: number;
  private frivilligCache: number[] | undefined;

  constructor(opts: RegistryOptions) {
    if (!Number.isInteger(opts.units) || opts.units < 1) throw new RangeError('units must be a whole number of at least 1');
    this.seed = String(opts.seed);
    this.seedHash = hashString(this.seed);
    this.units = opts.units;
    const snapshot = opts.snapshot ?? DEFAULT_SNAPSHOT;
    this.snapshotMs = Date.parse(snapshot);
    if (!Number.isFinite(this.snapshotMs)) throw new RangeError(`snapshot "${snapshot}" is not a timestamp`);
    this.snapshotDay = Math.floor(this.snapshotMs / DAY_MS);
    this.recordBaseUrl = (opts.recordBaseUrl ?? DEFAULT_RECORD_BASE_URL).replace(/\/+$/, '');
    const space = new OrgnrSpace(this.seedHash);
    this.ctx = { seedHash: this.seedHash, space, recordBaseUrl: this.recordBaseUrl };
    const before = opts.feedBefore ?? defaultFeedLength(opts.units);
    const after = opts.feedAfter ?? defaultFeedLength(opts.units);
    const deletedOld = Math.max(5, Math.round(opts.units * 0.01));
    if (opts.units + before + after + deletedOld > OrgnrSpace.capacity)
      throw new RangeError(`at most ${OrgnrSpace.capacity} units fit the number space`);
    this.timeline = buildTimeline({
      seedHash: this.seedHash,
      units: opts.units,
      before,
      after,
      deletedOld,
      snapshotMs: this.snapshotMs,
      hasRoles: (i) => hasRoles(this.ctx, i, unitCore(this.ctx, i)),
    });
    const { feed } = this.timeline;
    this.currentDay =
      feed.count > 0 ? Math.max(this.snapshotDay, Math.floor((feed.times[feed.count - 1] as number) / DAY_MS)) : this.snapshotDay;
  }

  orgnrOf(index: number): string {
    return this.ctx.space.orgnrOf(index);
  }

  core(index: number): UnitCore {
    return unitCore(this.ctx, index);
  }

  /** Number of feed entries that count at a moment. */
  private feedLimit(at: Moment): number {
    return at === 'snapshot' ? this.timeline.feed.before : this.timeline.feed.count;
  }

  private dayOfFeed(position: number): number {
    return Math.floor((this.timeline.feed.times[position] as number) / DAY_MS);
  }

  /** Whether unit `index` exists (is registered and not deleted) at a moment. */
  exists(index: number, at: Moment): boolean {
    const { layout, created } = this.timeline;
    if (index < 0 || index >= layout.total) return false;
    if (index >= layout.deletedRecentStart) return false;
    if (index >= layout.createdStart) return at === 'current' && index - layout.createdStart < created;
    const deleted = this.timeline.histories.get(index)?.deleted;
    return deleted === undefined || deleted >= this.feedLimit(at);
  }

  /** The answer of `GET /enheter/{orgnr}` at a moment, without building the record. */
  lookup(orgnr: string, at: Moment = 'current'): Lookup {
    if (!isValidOrgnr(orgnr) || !/^\d{9}$/.test(orgnr)) return { status: 'invalid' };
    const index = this.ctx.space.indexOf(orgnr);
    if (index === undefined) return { status: 'unknown' };
    if (this.exists(index, at)) return { status: 'found', index };
    const slettedato = this.deletionDay(index, at);
    if (slettedato === undefined) return { status: 'unknown' };
    return { status: 'gone', index, body: { organisasjonsnummer: orgnr, slettedato: isoFromDay(slettedato) } };
  }

  /** Day a unit was deleted or removed, if it was by that moment. */
  private deletionDay(index: number, at: Moment): number | undefined {
    const { layout, deletedRecent } = this.timeline;
    if (index >= layout.deletedOldStart && index < layout.total) {
      const rng = new Rng(hashInts(this.seedHash, index, 0xde1));
      return pickDay(rng, dayOfYearStart(2000), this.snapshotDay - 30);
    }
    if (index >= layout.deletedRecentStart && index < layout.deletedOldStart && index - layout.deletedRecentStart >= deletedRecent)
      return undefined;
    const deleted = this.timeline.histories.get(index)?.deleted;
    if (deleted === undefined || deleted >= this.feedLimit(at)) return undefined;
    return this.dayOfFeed(deleted);
  }

  private registrationDay(index: number): number | undefined {
    const created = this.timeline.histories.get(index)?.created;
    return created === undefined ? undefined : this.dayOfFeed(created);
  }

  /** The enhet record of unit `index` after its first `version` changes. */
  enhetVersion(index: number, version: number, core = this.core(index)): Enhet {
    const registrationDay = this.registrationDay(index);
    let record = buildEnhet(this.ctx, index, core, { maxDay: registrationDay ?? this.snapshotDay, registrationDay });
    const changes = this.timeline.histories.get(index)?.changes ?? [];
    for (let v = 0; v < version && v < changes.length; v++) {
      record = applyChange(this.ctx, index, core, record, v + 1, this.dayOfFeed(changes[v] as number));
    }
    return record;
  }

  /** How many changes of unit `index` count at a moment. */
  versionAt(index: number, at: Moment): number {
    const changes = this.timeline.histories.get(index)?.changes;
    if (!changes) return 0;
    const limit = this.feedLimit(at);
    let v = 0;
    while (v < changes.length && (changes[v] as number) < limit) v++;
    return v;
  }

  /** The record of an existing unit at a moment (check `exists` first). */
  enhet(index: number, at: Moment = 'current', core = this.core(index)): Enhet {
    return this.enhetVersion(index, this.versionAt(index, at), core);
  }

  /** Revisor, regnskapsfører and forretningsfører are other units: an AS that is never deleted, if one is found. */
  private firmsAt(at: Moment): RoleHolderLookup {
    return {
      pickFirm: (rng) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const i = rng.int(0, this.units - 1);
          if (this.core(i).form === 'AS' && this.timeline.histories.get(i)?.deleted === undefined) return i;
        }
        return rng.int(0, this.units - 1);
      },
      firm: (i) => {
        const core = this.core(i);
        return { orgnr: this.orgnrOf(i), navn: core.navn, form: core.form, deleted: !this.exists(i, at) };
      },
    };
  }

  /** The roles of an existing unit at a moment, or undefined when it has none (404). */
  roller(index: number, at: Moment = 'current', core = this.core(index)): RollerResponse | undefined {
    const { roles } = this.timeline;
    const boardChanges = this.timeline.histories.get(index)?.boardChanges ?? [];
    const limit = at === 'snapshot' ? roles.before : roles.count;
    let version = 0;
    while (version < boardChanges.length && (boardChanges[version] as number) < limit) version++;
    const lastChange = version > 0 ? Math.floor((roles.times[boardChanges[version - 1] as number] as number) / DAY_MS) : undefined;
    const enhet = this.enhet(index, at, core);
    return buildRoller(this.ctx, index, core, this.firmsAt(at), {
      registrationDay: dayFromIso(enhet.registreringsdatoEnhetsregisteret),
      maxDay: at === 'snapshot' ? this.snapshotDay : this.currentDay,
      boardVersion: version,
      boardChangedDay: lastChange,
    });
  }

  /** The Frivillighetsregisteret record of an existing unit, or undefined when it is not registered there. */
  frivillig(index: number, at: Moment = 'current', withNames = false, core = this.core(index)): FrivilligOrganisasjon | undefined {
    if (!core.frr) return undefined;
    const enhet = this.enhet(index, at, core);
    const registered = enhet.registreringsdatoFrivillighetsregisteret;
    if (!registered) return undefined;
    return buildFrivillig(this.ctx, index, core, {
      registeredDay: dayFromIso(registered),
      maxDay: at === 'snapshot' ? this.snapshotDay : this.currentDay,
      withNames,
    });
  }

  /** Indexes of the units that exist at a moment, in index order. */
  *indexes(at: Moment): Generator<number> {
    for (let i = 0; i < this.units; i++) if (this.exists(i, at)) yield i;
    if (at === 'current') {
      const { createdStart } = this.timeline.layout;
      for (let k = 0; k < this.timeline.created; k++) yield createdStart + k;
    }
  }

  /** Organisasjonsnumre (as numbers, ascending) of the units in Frivillighetsregisteret now; built once. */
  frivilligOrgnrs(): number[] {
    if (!this.frivilligCache) {
      const list: number[] = [];
      for (const i of this.indexes('current')) if (this.core(i).frr) list.push(this.ctx.space.orgnrNumberOf(i));
      list.sort((a, b) => a - b);
      this.frivilligCache = list;
    }
    return this.frivilligCache;
  }

  /** One entry of the change feed; `linkBase` is the API base the `_links` point at. */
  feedEntry(position: number, opts: { includeChanges: boolean; linkBase: string }): OppdatertEnhet {
    const { feed } = this.timeline;
    const type = feed.types[position] as number;
    const index = feed.units[position] as number;
    const orgnr = this.orgnrOf(index);
    const entry: OppdatertEnhet = {
      oppdateringsid: feed.ids[position] as number,
      dato: isoFromMs(feed.times[position] as number),
      organisasjonsnummer: orgnr,
      endringstype: ENDRINGSTYPER[type] as OppdatertEnhet['endringstype'],
      _links: { enhet: { href: `${opts.linkBase}/enheter/${orgnr}` } },
    };
    if (opts.includeChanges) entry.endringer = this.changesOf(position, index, type);
    return entry;
  }

  private changesOf(position: number, index: number, type: number): NonNullable<OppdatertEnhet['endringer']> {
    if (type === NY) {
      const record = this.enhetVersion(index, 0) as unknown as Record<string, unknown>;
      return Object.entries(record)
        .filter(([key, value]) => value !== undefined && key !== '_links' && key !== 'respons_klasse')
        .map(([key, value]) => ({ op: 'add' as const, path: `/${escapePointer(key)}`, value }));
    }
    if (type === ENDRING) {
      const changes = this.timeline.histories.get(index)?.changes ?? [];
      const version = changes.indexOf(position) + 1;
      const core = this.core(index);
      return jsonPatchDiff(this.enhetVersion(index, version - 1, core), this.enhetVersion(index, version, core));
    }
    if (type === SLETTING) return [{ op: 'add', path: '/slettedato', value: isoFromDay(this.dayOfFeed(position)) }];
    // Fjernet: removed from the open data; there is nothing to describe, copies just delete the unit.
    return [];
  }

  /** One CloudEvent of the roles feed. */
  roleEvent(position: number, linkBase: string): RolleHendelse {
    const { roles } = this.timeline;
    const orgnr = this.orgnrOf(roles.units[position] as number);
    return {
      specversion: '1.0',
      id: String(roles.ids[position]),
      source: `${linkBase}/enheter/${orgnr}/roller`,
      type: 'no.brreg.enhetsregisteret.rolle.oppdatert',
      time: isoFromMs(roles.times[position] as number),
      datacontenttype: 'application/json',
      data: { organisasjonsnummer: orgnr },
    };
  }

  /** Counts for the manifest and for tests. */
  counts(): {
    bulk: number;
    current: number;
    created: number;
    deletedAfterSnapshot: number;
    feed: Record<string, number>;
    roleEvents: number;
    boardChanges: number;
  } {
    const { feed, roles } = this.timeline;
    const byType: Record<string, number> = { Ny: 0, Endring: 0, Sletting: 0, Fjernet: 0 };
    let deletedAfter = 0;
    for (let k = 0; k < feed.count; k++) {
      const type = ENDRINGSTYPER[feed.types[k] as number] as string;
      byType[type] = (byType[type] ?? 0) + 1;
      if (k >= feed.before && (feed.types[k] === SLETTING || feed.types[k] === FJERNET)) deletedAfter++;
    }
    let boardChanges = 0;
    for (let p = 0; p < roles.count; p++) if (roles.kinds[p] === BOARD_CHANGE) boardChanges++;
    return {
      bulk: this.units,
      current: this.units - deletedAfter + this.timeline.created,
      created: this.timeline.created,
      deletedAfterSnapshot: deletedAfter,
      feed: byType,
      roleEvents: roles.count,
      boardChanges,
    };
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * JSON-Patch operations (RFC 6902 add/replace/remove) that turn `from` into `to`; arrays are replaced whole.
 * A field whose value is undefined counts as absent, as it does in JSON.
 */
export function jsonPatchDiff(
  from: unknown,
  to: unknown,
  path = '',
): { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[] {
  const ops: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[] = [];
  if (!isPlainObject(from) || !isPlainObject(to)) {
    if (!deepEqual(from, to)) ops.push({ op: 'replace', path, value: to });
    return ops;
  }
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined && to[key] === undefined) ops.push({ op: 'remove', path: `${path}/${escapePointer(key)}` });
  }
  for (const [key, value] of Object.entries(to)) {
    if (value === undefined) continue;
    const at = `${path}/${escapePointer(key)}`;
    if (from[key] === undefined) ops.push({ op: 'add', path: at, value });
    else if (isPlainObject(from[key]) && isPlainObject(value)) ops.push(...jsonPatchDiff(from[key], value, at));
    else if (!deepEqual(from[key], value)) ops.push({ op: 'replace', path: at, value });
  }
  return ops;
}
