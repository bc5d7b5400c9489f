import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The whole database schema. Feature tables live here too (grouped by feature) so drizzle-kit sees one
 * schema and produces one ordered migration history.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ---------- people and platform roles ----------

export const platformRoleEnum = pgEnum('platform_role', ['public_official', 'orchestrator', 'administrator']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    /** argon2id hash; only for the built-in local sign-in used by demos and the embedded default. */
    passwordHash: text('password_hash'),
    /** "issuer|subject" from OpenID Connect (ID-porten); stable identifier of the person at the provider. */
    oidcSubject: text('oidc_subject'),
    preferredLanguage: text('preferred_language'),
    /**
     * Stated by a local sign-in user on the claim page (organisation-profile); with OIDC (ID-porten) it
     * will come from the pid claim. Used only to match a current board role in register_roller.
     */
    birthDate: date('birth_date'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`), uniqueIndex('users_oidc_subject_unique').on(t.oidcSubject)],
);

export const userPlatformRoles = pgTable(
  'user_platform_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: platformRoleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

// ---------- sessions and sign-in ----------

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen database dump does not give usable session cookies. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute expiry, fixed at creation; idle expiry is computed from last_seen_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The OIDC id_token, kept to offer RP-initiated logout at the provider. */
    idToken: text('id_token'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased e-mail or client address; attempts are limited per key. */
    key: text('key').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_attempts_key_idx').on(t.key, t.createdAt)],
);

export const oidcLoginStates = pgTable('oidc_login_states', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  createdAt: createdAt(),
});

// ---------- organisations (workspaces) ----------

export const orgRoleEnum = pgEnum('org_role', ['leader', 'board_member', 'treasurer', 'member']);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Null while the group is an idea that has not registered in Enhetsregisteret yet. */
    orgnr: text('orgnr'),
    /** The life-event phase the organisation is in: 1 idea … 6 wind down. */
    phase: integer('phase').notNull().default(1),
    kommunenummer: text('kommunenummer'),
    purpose: text('purpose'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_orgnr_unique').on(t.orgnr),
    check('organisations_phase_range', sql`${t.phase} between 1 and 6`),
    check('organisations_orgnr_format', sql`${t.orgnr} is null or ${t.orgnr} ~ '^[0-9]{9}$'`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: orgRoleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: orgRoleEnum('role').notNull(),
    /** SHA-256 of the token in the link; the token itself is only ever in the e-mail. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_hash_unique').on(t.tokenHash), index('invitations_org_idx').on(t.organisationId)],
);

/**
 * "Ask its leader for access" to a registered organisation's workspace (organisation-profile). At most
 * one pending request per person and organisation.
 */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message'),
    status: text('status', { enum: ['pending', 'approved', 'declined'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    index('access_requests_org_idx').on(t.organisationId, t.status),
    uniqueIndex('access_requests_pending_unique').on(t.organisationId, t.userId).where(sql`status = 'pending'`),
  ],
);

// ---------- audit log ----------

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Dotted verb, e.g. "membership.role_changed"; the UI has a message key per action. */
    action: text('action').notNull(),
    /** What was changed, as data (ids, before/after); never a fødselsnummer. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_events_org_idx').on(t.organisationId, t.createdAt)],
);

// ---------- outgoing e-mail ----------

export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbound_emails_status_idx').on(t.status, t.createdAt)],
);

// ---------- register data (Enhetsregisteret, Frivillighetsregisteret) ----------
// Copies of Brønnøysundregistrene's open data (NLOD). The full record as received is kept in `data`;
// the columns beside it are what we search, filter and count on. `data_hash` makes re-imports idempotent.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const fylker = pgTable('fylker', {
  nummer: text('nummer').primaryKey(),
  navn: text('navn').notNull(),
});

export const kommuner = pgTable(
  'kommuner',
  {
    nummer: text('nummer').primaryKey(),
    navn: text('navn').notNull(),
    fylkesnummer: text('fylkesnummer')
      .notNull()
      .references(() => fylker.nummer),
  },
  (t) => [index('kommuner_fylke_idx').on(t.fylkesnummer)],
);

export const icnpoKategorier = pgTable('icnpo_kategorier', {
  /** "1100" for a sub-category, "1" for a main category (the API's format, no separator). */
  nummer: text('nummer').primaryKey(),
  navn: text('navn').notNull(),
  hovedkategori: text('hovedkategori').notNull(),
  erHovedkategori: boolean('er_hovedkategori').notNull(),
});

export const organisasjonsformer = pgTable('organisasjonsformer', {
  kode: text('kode').primaryKey(),
  beskrivelse: text('beskrivelse').notNull(),
  erUnderenhetsform: boolean('er_underenhetsform').notNull().default(false),
});

export const rolletyper = pgTable('rolletyper', {
  kode: text('kode').primaryKey(),
  nb: text('nb').notNull(),
  en: text('en'),
  relevantForFrivillige: boolean('relevant_for_frivillige').notNull().default(false),
});

export const registerEnheter = pgTable(
  'register_enheter',
  {
    orgnr: text('orgnr').primaryKey(),
    navn: text('navn').notNull(),
    organisasjonsform: text('organisasjonsform'),
    /** From forretningsadresse, else postadresse (foreign addresses have none). */
    kommunenummer: text('kommunenummer'),
    stiftelsesdato: date('stiftelsesdato'),
    registreringsdato: date('registreringsdato'),
    naeringskode1: text('naeringskode1'),
    antallAnsatte: integer('antall_ansatte'),
    registrertIFrivillighetsregisteret: boolean('registrert_i_frivillighetsregisteret').notNull().default(false),
    registrertIMvaregisteret: boolean('registrert_i_mvaregisteret').notNull().default(false),
    underAvvikling: boolean('under_avvikling').notNull().default(false),
    konkurs: boolean('konkurs').notNull().default(false),
    /** From the record, or the day the feed said "Sletting" (tombstone; "Fjernet" deletes the row). */
    slettedato: date('slettedato'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    dataHash: text('data_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('register_enheter_kommune_idx').on(t.kommunenummer),
    index('register_enheter_form_idx').on(t.organisasjonsform),
    index('register_enheter_frr_idx').on(t.registrertIFrivillighetsregisteret),
    // Sector insight (src/features/insight): the active voluntary sector, with every column the insight refresh
    // reads, so it is an index-only scan of ~13 % of the units instead of a scan of the whole table. The
    // predicate must stay word for word the SECTOR predicate in insight.queries.ts (the planner proves the match).
    index('register_enheter_sector_idx')
      .on(t.orgnr, t.kommunenummer, t.organisasjonsform, t.stiftelsesdato, t.registrertIFrivillighetsregisteret)
      .where(
        sql`slettedato is null and not under_avvikling and not konkurs and (registrert_i_frivillighetsregisteret or organisasjonsform = 'FLI')`,
      ),
  ],
);

export const registerFrivillige = pgTable(
  'register_frivillige',
  {
    orgnr: text('orgnr').primaryKey(),
    /** ICNPO codes ranked by `rekkefoelge` (1 = primary), not by array position. */
    icnpo1: text('icnpo1'),
    icnpo2: text('icnpo2'),
    icnpo3: text('icnpo3'),
    grasrotandel: boolean('grasrotandel').notNull().default(false),
    status: text('status'),
    innfoertDato: date('innfoert_dato'),
    foersteGangInnfoert: date('foerste_gang_innfoert'),
    slettetDato: date('slettet_dato'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    dataHash: text('data_hash').notNull(),
    /** The last full walk that saw this organisation; one not seen by a completed walk has left FRR. */
    lastSeenWalk: uuid('last_seen_walk'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('register_frivillige_icnpo1_idx').on(t.icnpo1),
    index('register_frivillige_grasrot_idx').on(t.grasrotandel),
    // Sector insight: the current FRR records with the columns the insight refresh reads (index-only, in orgnr order).
    index('register_frivillige_current_idx')
      .on(t.orgnr, t.icnpo1, t.icnpo2, t.icnpo3, t.grasrotandel, t.foersteGangInnfoert)
      .where(sql`slettet_dato is null`),
  ],
);

/** The roles of one unit as last fetched (`/enheter/{orgnr}/roller`), raw, plus one row per role below. */
export const registerRolleSett = pgTable('register_rolle_sett', {
  orgnr: text('orgnr').primaryKey(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  dataHash: text('data_hash').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registerRoller = pgTable(
  'register_roller',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgnr: text('orgnr')
      .notNull()
      .references(() => registerRolleSett.orgnr, { onDelete: 'cascade' }),
    rollegruppe: text('rollegruppe').notNull(),
    rolle: text('rolle').notNull(),
    fornavn: text('fornavn'),
    mellomnavn: text('mellomnavn'),
    etternavn: text('etternavn'),
    /** Public data (name and birth date only; the open API has no fødselsnummer). */
    fodselsdato: date('fodselsdato'),
    erDoed: boolean('er_doed').notNull().default(false),
    /** When the role is held by an organisation (e.g. REVI, REGN). */
    enhetOrgnr: text('enhet_orgnr'),
    enhetNavn: text('enhet_navn'),
    fratraadt: boolean('fratraadt').notNull().default(false),
    avregistrert: boolean('avregistrert').notNull().default(false),
    rekkefolge: integer('rekkefolge'),
  },
  (t) => [index('register_roller_orgnr_idx').on(t.orgnr), index('register_roller_person_idx').on(t.etternavn, t.fodselsdato)],
);

export const registerImportRuns = pgTable('register_import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['enheter', 'frivillige', 'roller'] }).notNull(),
  source: text('source').notNull(),
  /** Identifies the file version (size + hash of the first bytes, or ETag) so a resume uses the same file. */
  sourceFingerprint: text('source_fingerprint'),
  status: text('status', { enum: ['running', 'completed', 'failed'] })
    .notNull()
    .default('running'),
  /** Number of records from the start of the source already staged or applied: where a resume continues. */
  checkpoint: integer('checkpoint').notNull().default(0),
  recordsRead: integer('records_read').notNull().default(0),
  recordsInserted: integer('records_inserted').notNull().default(0),
  recordsUpdated: integer('records_updated').notNull().default(0),
  recordsUnchanged: integer('records_unchanged').notNull().default(0),
  recordsQuarantined: integer('records_quarantined').notNull().default(0),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const registerImportStaging = pgTable(
  'register_import_staging',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => registerImportRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    orgnr: text('orgnr').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    dataHash: text('data_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] })],
);

export const registerQuarantine = pgTable(
  'register_quarantine',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').references(() => registerImportRuns.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    /** Record index in the file, or the feed's id. */
    position: text('position'),
    reason: text('reason').notNull(),
    raw: text('raw').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('register_quarantine_run_idx').on(t.runId)],
);

/** Every change the update feed told us about, shown on the organisation's profile. */
export const registerChanges = pgTable(
  'register_changes',
  {
    oppdateringsid: bigint('oppdateringsid', { mode: 'number' }).primaryKey(),
    orgnr: text('orgnr').notNull(),
    endringstype: text('endringstype').notNull(),
    dato: timestamp('dato', { withTimezone: true }).notNull(),
    endringer: jsonb('endringer').$type<unknown[]>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('register_changes_orgnr_idx').on(t.orgnr, t.dato)],
);

/** Cursor and health of each sync follower ("enheter-feed", "roller-feed", "frivillige-walk"). */
export const registerSyncState = pgTable('register_sync_state', {
  name: text('name').primaryKey(),
  cursor: text('cursor'),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});

// ---------- organisation search (src/features/register-search) ----------
// A narrow copy of register_enheter's searchable columns and of the current Frivillighetsregisteret record,
// kept in step with both tables by statement-level triggers (migration 0019), whatever writes them. The search
// reads only this table: register_enheter rows carry ~1.5 KB of jsonb each, so every name looked at there cost
// a page read (bench/README.md).

const textC = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

export const registerEnheterSearch = pgTable(
  'register_enheter_search',
  {
    orgnr: text('orgnr').primaryKey(),
    navn: text('navn').notNull(),
    /** Norwegian alphabetical order (… Z Æ Ø Å) compared byte-wise; register-search.queries.ts keyOf() must match. */
    navnKey: textC('navn_key').generatedAlwaysAs(sql`translate(upper(navn), 'ÆØÅÄÖÜÉ', '[\\][\\YE')`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('norwegian', navn)`),
    kommunenummer: text('kommunenummer'),
    /** From kommuner (the kommune's fylke), null for a kommunenummer not in the reference data. */
    fylkesnummer: text('fylkesnummer'),
    organisasjonsform: text('organisasjonsform'),
    stiftelsesdato: date('stiftelsesdato'),
    registrertIFrivillighetsregisteret: boolean('registrert_i_frivillighetsregisteret').notNull().default(false),
    underAvvikling: boolean('under_avvikling').notNull().default(false),
    konkurs: boolean('konkurs').notNull().default(false),
    slettedato: date('slettedato'),
    /** A current Frivillighetsregisteret record (not left: slettet_dato null); the columns below come from it. */
    frr: boolean('frr').notNull().default(false),
    grasrotandel: boolean('grasrotandel').notNull().default(false),
    icnpo1: text('icnpo1'),
    icnpo2: text('icnpo2'),
    icnpo3: text('icnpo3'),
  },
  (t) => [
    index('register_enheter_search_vector_idx').using('gin', t.searchVector),
    index('register_enheter_search_trgm_idx').using('gin', sql`lower(${t.navn}) gin_trgm_ops`),
    index('register_enheter_search_name_idx').on(t.navnKey, t.orgnr),
    index('register_enheter_search_kommune_idx').on(t.kommunenummer, t.navnKey, t.orgnr),
    index('register_enheter_search_fylke_idx').on(t.fylkesnummer, t.navnKey, t.orgnr),
    index('register_enheter_search_frr_kommune_idx').on(t.kommunenummer, t.navnKey, t.orgnr).where(sql`frr`),
    index('register_enheter_search_frr_fylke_idx').on(t.fylkesnummer, t.navnKey, t.orgnr).where(sql`frr`),
  ],
);

// ---------- background jobs ----------

/**
 * Jobs stored in Postgres. Workers claim a due job with FOR UPDATE SKIP LOCKED and hold a lease
 * (locked_until), so several app instances can run workers without doing a job twice.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** At most one queued/running job per singleton key (e.g. the recurring feed follower). */
    singletonKey: text('singleton_key'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.runAt),
    uniqueIndex('jobs_singleton_idx').on(t.singletonKey).where(sql`status in ('queued', 'running')`),
  ],
);

// ---------- prefill provenance (measured gain, issue 4; owner: src/core/prefill) ----------

/**
 * One row per field per form submission: whether the field kept the value the platform already knew
 * ('prefilled'), was prefilled but changed ('corrected'), or had no prefill and was typed ('typed'). It
 * backs "Opplysninger du slapp å gi på nytt" and the platform's gains figures. Never holds the values.
 */
export const formFieldProvenance = pgTable(
  'form_field_provenance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Groups the fields of one submission. */
    submissionId: uuid('submission_id').notNull(),
    form: text('form').notNull(),
    field: text('field').notNull(),
    outcome: text('outcome', { enum: ['prefilled', 'corrected', 'typed'] }).notNull(),
    /** Where the prefilled value came from; null for typed fields. */
    source: text('source', {
      enum: ['enhetsregisteret', 'frivillighetsregisteret', 'roller', 'workspace', 'statutes', 'founding-meeting', 'profile'],
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index('form_field_provenance_org_idx').on(t.organisationId, t.form),
    index('form_field_provenance_created_idx').on(t.createdAt),
    check('form_field_provenance_source_matches_outcome', sql`(${t.outcome} = 'typed') = (${t.source} is null)`),
  ],
);

// ---------- statutes builder (src/features/statutes) ----------

/**
 * One working draft of the statutes per organisation, saved page by page so nothing typed is lost.
 * `answers` is a partial StatutesAnswers (statutes.answers.ts) until every question page is answered.
 * Deleted when the draft is adopted as a version.
 */
export const statutesDrafts = pgTable(
  'statutes_drafts',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** Slugs of the question pages saved in this draft. */
    answeredPages: jsonb('answered_pages').$type<string[]>().notNull().default([]),
    /** What the platform filled in when the draft started, and from where (for recordFormProvenance). */
    prefill: jsonb('prefill').$type<Record<string, { value: string | null; source: string }>>().notNull().default({}),
    /** The statutes' own language: bokmål or nynorsk (the organisation's målform). */
    language: text('language').notNull(),
    /** The version this draft started from (null for the first statutes). */
    basedOnVersion: integer('based_on_version'),
    /** Bumped on every save, so "adopt" adopts exactly the draft that was checked. */
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('statutes_drafts_language', sql`${t.language} in ('nb', 'nn')`)],
);

/**
 * Adopted statutes. Immutable: a change is a new version (a trigger refuses updates, migration 0007);
 * only `adopted_by` may become null when the person's account is deleted — the name stays.
 */
export const statutesVersions = pgTable(
  'statutes_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** The generated statutes text, exactly as adopted. */
    text: text('text').notNull(),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
    adoptedByName: text('adopted_by_name').notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('statutes_versions_org_version_unique').on(t.organisationId, t.version),
    check('statutes_versions_version_positive', sql`${t.version} >= 1`),
    check('statutes_versions_language', sql`${t.language} in ('nb', 'nn')`),
  ],
);

// ---------- registration package (issue 4; owner: src/features/registration) ----------

/**
 * The Samordnet registermelding package of a workspace (brief §4.1): the answers in `data` (never a
 * fødselsnummer), the status of board confirmations and of the electronic submission (brief §4.4), the
 * intake's receipt and, once polled, Brønnøysundregistrene's reply. At most one package per organisation is
 * open (being filled in, confirmed or sent) at a time.
 */
export const registrationPackages = pgTable(
  'registration_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status', {
      enum: ['draft', 'awaiting-confirmation', 'confirmed', 'submitted', 'received', 'rejected', 'discarded'],
    })
      .notNull()
      .default('draft'),
    /** The answers, section by section (registration.schema.ts `PackageData`); never a fødselsnummer. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Bumped by every change, so confirmations and sends say which content they were about. */
    version: integer('version').notNull().default(1),
    /** The Melding's `id` attribute (our reference), fixed when the confirmed content is first sent. */
    meldingId: uuid('melding_id'),
    sendStartedAt: timestamp('send_started_at', { withTimezone: true }),
    sendAttempts: integer('send_attempts').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    /** The intake's feilId (or our own reference when there was no answer), for support. */
    lastErrorId: text('last_error_id'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    /** The receipt: mottakId and mottattTidspunkt exactly as the intake sent them, and when that was. */
    mottakId: text('mottak_id'),
    mottattTidspunkt: text('mottatt_tidspunkt'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    antallVedlegg: integer('antall_vedlegg'),
    /** Brønnøysundregistrene's reply, fetched from outbound/download by the polling job. */
    replyMottakId: text('reply_mottak_id'),
    replyAt: timestamp('reply_at', { withTimezone: true }),
    replyHandling: text('reply_handling'),
    replyText: text('reply_text'),
    /** Set when every fødselsnummer of the package was erased (after the receipt, or when discarded). */
    fnrErasedAt: timestamp('fnr_erased_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_packages_org_idx').on(t.organisationId, t.createdAt),
    uniqueIndex('registration_packages_open_unique')
      .on(t.organisationId)
      .where(sql`status in ('draft', 'awaiting-confirmation', 'confirmed', 'submitted')`),
    uniqueIndex('registration_packages_mottak_unique').on(t.mottakId),
  ],
);

/**
 * The people in a package: the whole board (brief §4.1: all of it, or the notice is rejected) and a contact
 * person or daglig leder who is not on the board. The fødselsnummer/D-nummer is stored only encrypted
 * (AES-256-GCM, registration/fnr-crypto.ts) and erased when no longer needed.
 */
export const registrationPersons = pgTable(
  'registration_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => registrationPackages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['board', 'contact'] }).notNull(),
    boardRole: text('board_role', { enum: ['leader', 'deputy_leader', 'board_member', 'treasurer', 'deputy'] }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    birthDate: date('birth_date'),
    /** The workspace member this person is (a confirmation can only come from them). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Where an invitation to the workspace goes, for a person without an account. */
    email: text('email'),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    /** "v1.<iv>.<tag>.<ciphertext>"; never the number itself. Null when not given yet or erased. */
    fnrCiphertext: text('fnr_ciphertext'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_persons_package_idx').on(t.packageId, t.kind, t.position),
    check('registration_persons_board_role', sql`(${t.kind} = 'board') = (${t.boardRole} is not null)`),
  ],
);

/**
 * A board member's confirmation in the app: who, when, and the keyed hash of the content they saw. A change
 * to the package afterwards invalidates it (invalidated_at) — and a confirmation whose hash no longer matches
 * the content is not counted either.
 */
export const registrationConfirmations = pgTable(
  'registration_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => registrationPackages.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => registrationPersons.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    packageVersion: integer('package_version').notNull(),
    contentHash: text('content_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    invalidatedAt: timestamp('invalidated_at', { withTimezone: true }),
    invalidatedReason: text('invalidated_reason', { enum: ['changed', 'discarded'] }),
  },
  (t) => [index('registration_confirmations_package_idx').on(t.packageId)],
);

// ---------- calendar (årshjul): .ics subscription feed and e-mail reminders ----------

/**
 * One secret subscription address per organisation (/kalender/<token>.ics). Only the token's SHA-256 is kept, so
 * the address is shown once, when a leader makes it; making a new one replaces the hash and the old address stops
 * working. `lang` is the language the feed is written in (the leader's language when it was made).
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    lang: text('lang', { enum: ['nb', 'nn', 'en'] })
      .notNull()
      .default('nb'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_hash_unique').on(t.tokenHash)],
);

/** A member's opt-in to e-mail reminders for one organisation; the id is what the signed unsubscribe link names. */
export const calendarReminderSubscriptions = pgTable(
  'calendar_reminder_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_reminder_subscriptions_unique').on(t.organisationId, t.userId)],
);

/**
 * Each reminder sent: the unique index makes it once per (user, deadline, date, days before), however many app
 * instances run the reminder job at the same time — the insert that claims it is the lock.
 */
export const calendarRemindersSent = pgTable(
  'calendar_reminders_sent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deadlineId: text('deadline_id').notNull(),
    deadlineDate: date('deadline_date').notNull(),
    offsetDays: integer('offset_days').notNull(),
    outboundEmailId: uuid('outbound_email_id').references(() => outboundEmails.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_reminders_sent_once').on(t.organisationId, t.userId, t.deadlineId, t.deadlineDate, t.offsetDays)],
);

// ---------- organisation facts and the personal plan (issue 4; owner: src/features/plan) ----------

export const INCOME_BANDS = ['up-to-50k', '50k-to-3m', '3m-to-5m', 'over-5m'] as const;

/**
 * What the board has declared about the organisation (the plan's facts form). Null means "not answered";
 * the register mirror and the other issue-4 parts supply the rest (plan/facts.ts merges them).
 */
export const organisationFacts = pgTable(
  'organisation_facts',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberCount: integer('member_count'),
    employees: integer('employees'),
    vatRegistered: boolean('vat_registered'),
    sellsTaxableGoods: boolean('sells_taxable_goods'),
    fundraisingFromPublic: boolean('fundraising_from_public'),
    /** Works with minors or people with intellectual disabilities (politiattest, brief §5.6). */
    worksWithVulnerable: boolean('works_with_vulnerable'),
    wantsFrivillighetsregisteret: boolean('wants_frivillighetsregisteret'),
    wantsGrasrotandel: boolean('wants_grasrotandel'),
    umbrellaMember: boolean('umbrella_member'),
    umbrellaName: text('umbrella_name'),
    /** The umbrella body's (sentralledd's) internal momskompensasjon deadline, the same day each year. */
    umbrellaMomsDeadlineMonth: integer('umbrella_moms_deadline_month'),
    umbrellaMomsDeadlineDay: integer('umbrella_moms_deadline_day'),
    politiattestLastChecked: date('politiattest_last_checked'),
    incomeBand: text('income_band', { enum: INCOME_BANDS }),
    /** FRR harPaatattSegRapporteringsplikt: has taken on filing annual accounts (brief §5.5). */
    accountsReportingTakenOn: boolean('accounts_reporting_taken_on'),
    /** The date the årsmøte decided to dissolve the organisation (brief §4.3). */
    dissolutionDecidedOn: date('dissolution_decided_on'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organisation_facts_counts', sql`coalesce(${t.memberCount}, 0) >= 0 and coalesce(${t.employees}, 0) >= 0`),
    check(
      'organisation_facts_umbrella_deadline',
      sql`(${t.umbrellaMomsDeadlineMonth} is null) = (${t.umbrellaMomsDeadlineDay} is null)
        and coalesce(${t.umbrellaMomsDeadlineMonth}, 1) between 1 and 12
        and coalesce(${t.umbrellaMomsDeadlineDay}, 1) between 1 and 31`,
    ),
  ],
);

/**
 * Politiattester shown to the organisation (brief §5.6): who, for which role, and when it was shown. The
 * attest itself is never stored — only this log, as the rules require.
 */
export const politiattestChecks = pgTable(
  'politiattest_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    person: text('person').notNull(),
    role: text('role').notNull(),
    shownOn: date('shown_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('politiattest_checks_org_idx').on(t.organisationId, t.shownOn)],
);

/** A status the board set by hand on a plan task (statuses the rules derive from registers are never stored). */
export const planTaskStatuses = pgTable(
  'plan_task_statuses',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    taskId: text('task_id').notNull(),
    status: text('status', { enum: ['not-started', 'in-progress', 'done', 'not-relevant'] }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.taskId] })],
);

// ---------- founding meeting (stiftelsesmøte; src/features/founding) ----------

/**
 * The founding meeting and its protocol, one row per version. A version is a 'draft' (saved question page
 * by question page; at most one per organisation) until it is 'finalised'. A finalised protocol is a
 * record of what was decided and never changes (a trigger refuses updates, migration 0012); reopening
 * copies it into a new draft with the next version number. `data` holds the answers (FoundingData in
 * src/features/founding/founding.data.ts); the name and statutes version are snapshots taken at finalisation.
 */
export const foundingMeetings = pgTable(
  'founding_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'finalised'] }).notNull(),
    /** The protocol's own language: bokmål or nynorsk. */
    language: text('language').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Slugs of the question pages saved in this version. */
    answeredPages: jsonb('answered_pages').$type<string[]>().notNull().default([]),
    /** Bumped on every save, so "finalise" finalises exactly the answers that were checked. */
    revision: integer('revision').notNull().default(1),
    organisationName: text('organisation_name'),
    statutesVersion: integer('statutes_version'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    finalisedBy: uuid('finalised_by').references(() => users.id, { onDelete: 'set null' }),
    finalisedByName: text('finalised_by_name'),
  },
  (t) => [
    uniqueIndex('founding_meetings_org_version_unique').on(t.organisationId, t.version),
    uniqueIndex('founding_meetings_one_draft').on(t.organisationId).where(sql`${t.status} = 'draft'`),
    check('founding_meetings_version_positive', sql`${t.version} >= 1`),
    check('founding_meetings_status', sql`${t.status} in ('draft', 'finalised')`),
    check('founding_meetings_language', sql`${t.language} in ('nb', 'nn')`),
    check(
      'founding_meetings_finalised_complete',
      sql`${t.status} = 'draft' or (${t.finalisedAt} is not null and ${t.finalisedByName} is not null and ${t.organisationName} is not null)`,
    ),
  ],
);

// ---------- sector insight (src/features/insight) ----------

/**
 * The active voluntary sector, one narrow row per unit, derived from register_enheter and register_frivillige
 * (insight.queries.ts `refreshInsightUnits`, the only writer: it replaces all rows in one transaction). The
 * insight's counts aggregate this instead of joining the register tables, which keeps every query well under
 * the 200 ms budget at 1.17 M units. No primary key: nothing looks rows up one by one, and a rebuild is faster
 * without one; orgnr is unique because it is the register's primary key.
 */
export const insightUnits = pgTable('insight_units', {
  orgnr: text('orgnr').notNull(),
  kommunenummer: text('kommunenummer'),
  /** Null when the kommunenummer is not in the 2024 list (or there is none: a foreign address). */
  fylkesnummer: text('fylkesnummer'),
  organisasjonsform: text('organisasjonsform'),
  /** Enhetsregisteret's registrertIFrivillighetsregisteret. */
  frivillighetsregisteret: boolean('frivillighetsregisteret').notNull(),
  /** From the current FRR record; false without one. */
  grasrotandel: boolean('grasrotandel').notNull(),
  icnpo1: text('icnpo1'),
  icnpo2: text('icnpo2'),
  icnpo3: text('icnpo3'),
  /** Main ICNPO category of icnpo1 (the primary category). */
  icnpoHovedkategori: text('icnpo_hovedkategori'),
  stiftetAar: integer('stiftet_aar'),
  /** Year of foersteGangInnfoert: first registered in Frivillighetsregisteret. */
  registrertAar: integer('registrert_aar'),
});

/** When insight_units was last rebuilt (one row, id 1). */
export const insightRefresh = pgTable('insight_refresh', {
  id: integer('id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  units: integer('units').notNull(),
});

// ---------- life-event map (src/features/life-event-map) ----------

/**
 * Revisions of the public life-event map, written by orchestrators in the app (and, later, by accepting an
 * actor's proposal). Revision 0 is the copy in the repository and is never stored; the public pages show the
 * highest number. `content` is the whole map, validated by the map's zod schema before it is written.
 */
export const lifeEventMapRevisions = pgTable(
  'life_event_map_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull(),
    /** The revision the editor started from (0 = the repository copy); a save on a stale base is refused. */
    baseNumber: integer('base_number').notNull(),
    content: jsonb('content').$type<unknown>().notNull(),
    changeNote: text('change_note').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written at the time, so the history still names the author if the account is deleted. */
    authorName: text('author_name').notNull(),
    /** 'edit' (the editor) or 'proposal' (an accepted proposal; proposal_ref names it). */
    origin: text('origin', { enum: ['edit', 'proposal'] })
      .notNull()
      .default('edit'),
    proposalRef: text('proposal_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('life_event_map_revisions_number_unique').on(t.number),
    check('life_event_map_revisions_number_positive', sql`${t.number} >= 1 and ${t.baseNumber} >= 0 and ${t.baseNumber} < ${t.number}`),
    check('life_event_map_revisions_proposal_ref', sql`(${t.origin} = 'proposal') = (${t.proposalRef} is not null)`),
  ],
);

// ---------- ecosystem: actors, people, core-group meetings and decisions (src/features/ecosystem) ----------

/**
 * The actors of the innovation ecosystem (issue 5, item 1): state agencies, counties, municipalities,
 * umbrella bodies, voluntary organisations, suppliers and researchers, each with its role in the ecosystem.
 * Public: everyone may read the register; only the orchestrator writes it (ecosystem-access.ts).
 */
export const ecosystemActors = pgTable(
  'ecosystem_actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['state_agency', 'county', 'municipality', 'umbrella_body', 'voluntary_organisation', 'supplier', 'research'],
    }).notNull(),
    ecosystemRole: text('ecosystem_role', { enum: ['orchestrator', 'core_group', 'participant', 'observer'] }).notNull(),
    orgnr: text('orgnr'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactUrl: text('contact_url'),
    mandate: text('mandate').notNull().default(''),
    agreements: text('agreements').notNull().default(''),
    /** Only for suppliers: which sector the supplier belongs to (the marketplace's three kinds of supplier). */
    supplierSector: text('supplier_sector', { enum: ['private', 'public', 'voluntary'] }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ecosystem_actors_name_unique').on(sql`lower(${t.name})`),
    check(
      'ecosystem_actors_kind_check',
      sql`${t.kind} in ('state_agency', 'county', 'municipality', 'umbrella_body', 'voluntary_organisation', 'supplier', 'research')`,
    ),
    check('ecosystem_actors_role_check', sql`${t.ecosystemRole} in ('orchestrator', 'core_group', 'participant', 'observer')`),
    check('ecosystem_actors_supplier_sector', sql`${t.supplierSector} is null or ${t.kind} = 'supplier'`),
  ],
);

/** People who belong to an actor (a user acts for the actor: signs on, manages its listings, sits in the core group). */
export const ecosystemActorPeople = pgTable(
  'ecosystem_actor_people',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => ecosystemActors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.userId] }), index('ecosystem_actor_people_user_idx').on(t.userId)],
);

/** The core group's meetings: date, agenda and minutes (public). */
export const ecosystemMeetings = pgTable('ecosystem_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingDate: date('meeting_date').notNull(),
  title: text('title').notNull(),
  agenda: text('agenda').notNull().default(''),
  minutes: text('minutes').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The core group's decisions log: what, why, who decided, when, and the meeting it was made in. */
export const ecosystemDecisions = pgTable('ecosystem_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  decidedOn: date('decided_on').notNull(),
  what: text('what').notNull(),
  why: text('why').notNull(),
  decidedBy: text('decided_by').notNull(),
  meetingId: uuid('meeting_id').references(() => ecosystemMeetings.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every change to the ecosystem's own records (actors, people, meetings, decisions): who, when, what changed.
 * Append-only; `changes` holds { field: [before, after] } (or the whole record on create/delete).
 */
export const ecosystemHistory = pgTable(
  'ecosystem_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entity: text('entity', { enum: ['actor', 'actor_person', 'meeting', 'decision'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written at the time, so the history still names the person if the account is deleted. */
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ecosystem_history_entity_idx').on(t.entity, t.entityId, t.createdAt)],
);

// ---------- needs register and building blocks catalogue (src/features/needs, src/features/building-blocks) ----------

/**
 * A need or pain point recorded by an organisation (through its workspace) or an ecosystem actor (issue 5,
 * item 4: "building blocks exist to lift up the organisations' needs"). Exactly one owner. The core group may
 * mark a need as a duplicate of another; its "we have this too" confirmations then count towards that one.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    phase: integer('phase').notNull(),
    frequency: text('frequency', { enum: ['weekly', 'monthly', 'yearly', 'rarely'] }).notNull(),
    evidence: text('evidence').notNull().default(''),
    status: text('status', { enum: ['open', 'being_lifted', 'lifted'] })
      .notNull()
      .default('open'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => ecosystemActors.id, { onDelete: 'cascade' }),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => needs.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('needs_phase_check', sql`${t.phase} between 1 and 6`),
    check('needs_one_owner', sql`(${t.organisationId} is null) <> (${t.actorId} is null)`),
    check('needs_not_own_duplicate', sql`${t.duplicateOfId} is null or ${t.duplicateOfId} <> ${t.id}`),
    index('needs_phase_idx').on(t.phase, t.status),
    index('needs_duplicate_idx').on(t.duplicateOfId),
  ],
);

/** "We have this too": one per organisation or actor and need, with its own evidence. */
export const needConfirmations = pgTable(
  'need_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => ecosystemActors.id, { onDelete: 'cascade' }),
    evidence: text('evidence').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('need_confirmations_one_owner', sql`(${t.organisationId} is null) <> (${t.actorId} is null)`),
    uniqueIndex('need_confirmations_org_unique').on(t.needId, t.organisationId),
    uniqueIndex('need_confirmations_actor_unique').on(t.needId, t.actorId),
  ],
);

/** Every change to a need (created, confirmed, grouped as duplicate, status): who, when, what. Append-only. */
export const needHistory = pgTable(
  'need_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['created', 'confirmed', 'marked_duplicate', 'status_changed'] }).notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('need_history_need_idx').on(t.needId, t.createdAt)],
);

/**
 * A building block: a shared service, API, guide, template or agreement that lifts needs (issue 5, item 4).
 * Technical blocks carry their API description and documentation link.
 */
export const buildingBlocks = pgTable(
  'building_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    realisation: text('realisation', { enum: ['service', 'api', 'guide', 'template', 'agreement'] }).notNull(),
    phases: jsonb('phases').$type<number[]>().notNull().default([]),
    ownerActorId: uuid('owner_actor_id').references(() => ecosystemActors.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['planned', 'in_development', 'in_use', 'retired'] }).notNull(),
    documentationUrl: text('documentation_url'),
    apiDescription: text('api_description').notNull().default(''),
    /** Frivillig's own API block lists its endpoints from the served OpenAPI document at request time. */
    listsOwnApi: boolean('lists_own_api').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('building_blocks_slug_unique').on(t.slug)],
);

export const buildingBlockNeeds = pgTable(
  'building_block_needs',
  {
    blockId: uuid('block_id')
      .notNull()
      .references(() => buildingBlocks.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.blockId, t.needId] }), index('building_block_needs_need_idx').on(t.needId)],
);

/**
 * The mission narrative and principles (issue 5 item 2), a versioned page owned by the orchestrator. Versions
 * are immutable: a change is a new row with the next number; the public page shows the highest. Version 0 is
 * the text in the repository (src/features/ecosystem/mission.ts) and is never stored.
 */
export const ecosystemMissionVersions = pgTable(
  'ecosystem_mission_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull(),
    narrative: text('narrative').notNull(),
    principles: jsonb('principles').$type<string[]>().notNull(),
    changeNote: text('change_note').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ecosystem_mission_versions_number_unique').on(t.number),
    check('ecosystem_mission_versions_number_positive', sql`${t.number} >= 1`),
  ],
);

/** Actors that have signed on to the mission: one row per actor, signed by one of its people. */
export const ecosystemMissionSignatures = pgTable('ecosystem_mission_signatures', {
  actorId: uuid('actor_id')
    .primaryKey()
    .references(() => ecosystemActors.id, { onDelete: 'cascade' }),
  signedByUserId: uuid('signed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  signedByName: text('signed_by_name').notNull(),
  /** The mission version the actor signed. */
  versionNumber: integer('version_number').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------- innovation portfolio and demonstrators (src/features/portfolio, src/features/demonstrators) ----------

/**
 * An initiative in the innovation portfolio (issue 5, item 5): a need, an idea or a solution, tied to the
 * life-event phases, the needs register and the four gains, moving idé → utforsking → demonstrator → skalering,
 * or stopped with a reason. `origin` says how it entered: proposed by an actor or organisation person, from a
 * marketplace challenge proposal (`origin_ref` = that proposal's id), or added by the core group.
 */
export const portfolioInitiatives = pgTable(
  'portfolio_initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['need', 'idea', 'solution'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    phases: jsonb('phases').$type<number[]>().notNull().default([]),
    gains: jsonb('gains').$type<string[]>().notNull().default([]),
    stage: text('stage', { enum: ['idea', 'exploration', 'demonstrator', 'scaling', 'stopped'] })
      .notNull()
      .default('idea'),
    stopReason: text('stop_reason'),
    ownerActorId: uuid('owner_actor_id').references(() => ecosystemActors.id, { onDelete: 'set null' }),
    origin: text('origin', { enum: ['proposal', 'marketplace-proposal', 'core-group'] }).notNull(),
    originRef: text('origin_ref'),
    /** Who proposed it, kept as written (the page says "proposed by"), also when the account is deleted. */
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposedByName: text('proposed_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('portfolio_initiatives_kind_check', sql`${t.kind} in ('need', 'idea', 'solution')`),
    check('portfolio_initiatives_stage_check', sql`${t.stage} in ('idea', 'exploration', 'demonstrator', 'scaling', 'stopped')`),
    check(
      'portfolio_initiatives_stop_reason',
      sql`(${t.stage} = 'stopped') = (${t.stopReason} is not null and length(trim(${t.stopReason})) > 0)`,
    ),
    index('portfolio_initiatives_stage_idx').on(t.stage),
  ],
);

/** The actors taking part in an initiative (besides its owner). */
export const portfolioInitiativeActors = pgTable(
  'portfolio_initiative_actors',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => ecosystemActors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.actorId] }), index('portfolio_initiative_actors_actor_idx').on(t.actorId)],
);

/** The needs (from the needs register) an initiative answers. */
export const portfolioInitiativeNeeds = pgTable(
  'portfolio_initiative_needs',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.needId] }), index('portfolio_initiative_needs_need_idx').on(t.needId)],
);

/** Support for an initiative: once per person (a second click withdraws it). */
export const portfolioSupports = pgTable(
  'portfolio_supports',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);

/** Comments on an initiative (co-creation), with the name and affiliation shown as written at the time. */
export const portfolioComments = pgTable(
  'portfolio_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    affiliation: text('affiliation').notNull().default(''),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('portfolio_comments_initiative_idx').on(t.initiativeId, t.createdAt)],
);

/** Every change to an initiative: who, when, what ({ field: [before, after] }). Append-only. */
export const portfolioHistory = pgTable(
  'portfolio_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('portfolio_history_initiative_idx').on(t.initiativeId, t.createdAt)],
);

export interface ExperimentMetric {
  name: string;
  target: string;
  /** Filled in with the results. */
  outcome: string;
}

/**
 * An experiment run by an initiative in the demonstrator stage (issue 5, item 7): hypothesis, period, success
 * metrics, results and learning, and the decision (scale, adjust, stop) that moves the initiative. At most one
 * undecided experiment per initiative.
 */
export const demonstratorExperiments = pgTable(
  'demonstrator_experiments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => portfolioInitiatives.id, { onDelete: 'cascade' }),
    hypothesis: text('hypothesis').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    metrics: jsonb('metrics').$type<ExperimentMetric[]>().notNull(),
    results: text('results').notNull().default(''),
    learning: text('learning').notNull().default(''),
    decision: text('decision', { enum: ['scale', 'adjust', 'stop'] }),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerName: text('owner_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('demonstrator_experiments_period', sql`${t.endDate} >= ${t.startDate}`),
    check('demonstrator_experiments_decision_check', sql`${t.decision} is null or ${t.decision} in ('scale', 'adjust', 'stop')`),
    uniqueIndex('demonstrator_experiments_one_open').on(t.initiativeId).where(sql`${t.decision} is null`),
  ],
);

/** Organisations taking part in an experiment; they opt in (and out) from their own workspace. */
export const demonstratorParticipants = pgTable(
  'demonstrator_participants',
  {
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => demonstratorExperiments.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    optedInByUserId: uuid('opted_in_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.organisationId] }), index('demonstrator_participants_org_idx').on(t.organisationId)],
);

export interface SurveyQuestion {
  kind: 'scale' | 'text';
  prompt: string;
}

/** A short in-app survey for an experiment's participants: 1–5 questions, each a 1–5 scale or free text. */
export const demonstratorSurveys = pgTable('demonstrator_surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  experimentId: uuid('experiment_id')
    .notNull()
    .references(() => demonstratorExperiments.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
  createdAt: createdAt(),
});

/** One person's answers to a survey (once per person), given for one participating organisation. */
export const demonstratorSurveyResponses = pgTable(
  'demonstrator_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => demonstratorSurveys.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Aligned with the survey's questions: a number 1–5 for a scale question, a string for free text. */
    answers: jsonb('answers').$type<(number | string)[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('demonstrator_survey_responses_once').on(t.surveyId, t.userId),
    index('demonstrator_survey_responses_org_idx').on(t.organisationId),
  ],
);

/** Every change to an experiment (created, updated, opt-in/out, survey, results, decision). Append-only. */
export const demonstratorHistory = pgTable(
  'demonstrator_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => demonstratorExperiments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('demonstrator_history_experiment_idx').on(t.experimentId, t.createdAt)],
);

// ---------- end of innovation portfolio and demonstrators ----------

// ---------- gains dashboard: monthly snapshots (issue 5 item 8; owner: src/features/gains) ----------

/**
 * Point-in-time figures of the gains dashboard that cannot be rebuilt from stored timestamps later (how many
 * workspaces are linked to the register mirror, how many plans include a scheme): one row per indicator and
 * month ('YYYY-MM', Europe/Oslo), upserted by the recurring job `gains.snapshot`, so the last run of a month
 * holds its month-end figure and any number of runs or instances leave one row. Only aggregate counts.
 */
export const gainsSnapshots = pgTable(
  'gains_snapshots',
  {
    month: text('month').notNull(),
    indicator: text('indicator').notNull(),
    value: integer('value').notNull(),
    /** Distinct organisations behind the value (for the small-count rule); never which ones. */
    organisations: integer('organisations').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.indicator] }),
    check('gains_snapshots_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('gains_snapshots_counts', sql`${t.value} >= 0 and ${t.organisations} >= 0`),
  ],
);

// ---------- roadmap of simplifications (veikart; src/features/roadmap) ----------

/**
 * An item on the roadmap of simplifications (issue 5 item 2): what will be simplified, in which phases of the
 * life event, towards which gains, by which actor and when. The orchestrator and the core group write it;
 * everyone reads it. `version` grows by one per save, so a save made from an older version is refused.
 */
export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Phases 1–6 of the life event the item simplifies. */
    phases: jsonb('phases').$type<number[]>().notNull().default([]),
    /** Gain ids (src/features/ecosystem/gains.ts). */
    gains: jsonb('gains').$type<string[]>().notNull().default([]),
    ownerActorId: uuid('owner_actor_id').references(() => ecosystemActors.id, { onDelete: 'set null' }),
    /** A quarter ("2027-Q2") or a date ("2027-05-31"). */
    target: text('target').notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'delivered', 'postponed', 'stopped'] })
      .notNull()
      .default('planned'),
    /** Why the item was postponed or stopped (required then). */
    statusReason: text('status_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('roadmap_items_reason', sql`${t.status} not in ('postponed', 'stopped') or length(trim(${t.statusReason})) > 0`),
    check('roadmap_items_version_positive', sql`${t.version} >= 1`),
    index('roadmap_items_status_idx').on(t.status),
  ],
);

/** The needs (needs register) a roadmap item answers. */
export const roadmapItemNeeds = pgTable(
  'roadmap_item_needs',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.needId] })],
);

/** The building blocks a roadmap item builds on or delivers. */
export const roadmapItemBlocks = pgTable(
  'roadmap_item_blocks',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    blockId: uuid('block_id')
      .notNull()
      .references(() => buildingBlocks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.blockId] })],
);

/** Every change to a roadmap item: who, when, and each field's { field: [before, after] }. Append-only. */
export const roadmapItemHistory = pgTable(
  'roadmap_item_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['created', 'updated'] }).notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('roadmap_item_history_item_idx').on(t.itemId, t.createdAt)],
);

// ---------- life-event map change proposals (src/features/life-event-map/map-proposal*) ----------

/**
 * A proposed change to a task or a phase of the life-event map (issue 5 item 3), made by a person of an
 * ecosystem actor or an organisation's leader. `fields` holds the proposed new texts by field ("title.nb"),
 * `baseTexts` the same fields' texts when the proposal was made, so the orchestrator sees whether the map
 * changed since. Accepting saves a map revision whose proposal_ref names this proposal ("forslag-<number>").
 */
export const lifeEventMapProposals = pgTable(
  'life_event_map_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number people use ("forslag 3"). */
    number: serial('number').notNull(),
    targetKind: text('target_kind', { enum: ['task', 'phase'] }).notNull(),
    phaseSlug: text('phase_slug').notNull(),
    taskId: text('task_id'),
    what: text('what').notNull(),
    why: text('why').notNull(),
    evidence: text('evidence').notNull().default(''),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    baseTexts: jsonb('base_texts').$type<Record<string, string>>().notNull(),
    baseRevision: integer('base_revision').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'rejected'] })
      .notNull()
      .default('open'),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The map revision that accepting the proposal saved. */
    revisionNumber: integer('revision_number'),
    proposerUserId: uuid('proposer_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposerName: text('proposer_name').notNull(),
    /** Whom the person proposed for: one of their ecosystem actors or an organisation they lead. */
    onBehalfActorId: uuid('on_behalf_actor_id').references(() => ecosystemActors.id, { onDelete: 'set null' }),
    onBehalfOrganisationId: uuid('on_behalf_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    onBehalfName: text('on_behalf_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('life_event_map_proposals_number_unique').on(t.number),
    check('life_event_map_proposals_task', sql`(${t.targetKind} = 'task') = (${t.taskId} is not null)`),
    check('life_event_map_proposals_reason', sql`${t.status} <> 'rejected' or length(trim(${t.decisionReason})) > 0`),
    check('life_event_map_proposals_revision', sql`(${t.status} = 'accepted') = (${t.revisionNumber} is not null)`),
    index('life_event_map_proposals_status_idx').on(t.status),
  ],
);

/** Every step of a proposal (made, accepted, rejected): who, when, what. Append-only. */
export const lifeEventMapProposalHistory = pgTable(
  'life_event_map_proposal_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => lifeEventMapProposals.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['created', 'accepted', 'rejected'] }).notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('life_event_map_proposal_history_idx').on(t.proposalId, t.createdAt)],
);

// ---------- marketplace: offerings and challenges (src/features/marketplace) ----------

/**
 * A supplier's offering on the marketplace (issue 5, item 6: "to stimulate more solutions"). Written by a
 * person of the supplying actor; only the orchestrator approves, and only approved offerings are public.
 * Status: draft → pending → approved | rejected. Editing an approved offering sends it back to pending (it
 * leaves the public list until approved again), so nothing unreviewed is ever public.
 */
export const marketplaceOfferings = pgTable(
  'marketplace_offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierActorId: uuid('supplier_actor_id')
      .notNull()
      .references(() => ecosystemActors.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    category: text('category', {
      enum: ['membership', 'accounting', 'meetings', 'fundraising', 'communication', 'volunteers', 'other'],
    }).notNull(),
    phases: jsonb('phases').$type<number[]>().notNull().default([]),
    /** Needs from the needs register and building blocks the offering addresses (ids checked on save). */
    needIds: jsonb('need_ids').$type<string[]>().notNull().default([]),
    blockIds: jsonb('block_ids').$type<string[]>().notNull().default([]),
    priceModel: text('price_model', { enum: ['free', 'freemium', 'subscription', 'one_off', 'other'] }).notNull(),
    priceText: text('price_text').notNull().default(''),
    dataStorage: text('data_storage').notNull(),
    dataProcessorAgreement: boolean('data_processor_agreement').notNull(),
    dataExport: boolean('data_export').notNull(),
    /** The supplier's page; https only (checked on save), reached through the counting redirect. */
    url: text('url').notNull(),
    status: text('status', { enum: ['draft', 'pending', 'approved', 'rejected'] })
      .notNull()
      .default('draft'),
    rejectionReason: text('rejection_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('marketplace_offerings_status_check', sql`${t.status} in ('draft', 'pending', 'approved', 'rejected')`),
    check('marketplace_offerings_https', sql`${t.url} like 'https://%'`),
    index('marketplace_offerings_status_idx').on(t.status),
    index('marketplace_offerings_supplier_idx').on(t.supplierActorId),
  ],
);

/**
 * Interest statistics: counts per offering and day, never who (no user ids, no addresses). `suggestions`
 * counts organisations the offering was first suggested to that day (see marketplaceSuggestionsSeen).
 */
export const marketplaceOfferingStats = pgTable(
  'marketplace_offering_stats',
  {
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => marketplaceOfferings.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    views: integer('views').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    suggestions: integer('suggestions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offeringId, t.day] })],
);

/** Which organisations an offering has been suggested to, so "suggested to N organisations" counts each once. */
export const marketplaceSuggestionsSeen = pgTable(
  'marketplace_suggestions_seen',
  {
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => marketplaceOfferings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.offeringId, t.organisationId] })],
);

/** An open challenge: needs from the needs register that lack a good solution, published by the core group. */
export const marketplaceChallenges = pgTable(
  'marketplace_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    needIds: jsonb('need_ids').$type<string[]>().notNull().default([]),
    /** What a good answer must do. */
    requirements: text('requirements').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('marketplace_challenges_status_check', sql`${t.status} in ('open', 'closed')`)],
);

/** A proposal answering a challenge, written for an actor; the core group may accept it into the portfolio. */
export const marketplaceProposals = pgTable(
  'marketplace_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => marketplaceChallenges.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => ecosystemActors.id, { onDelete: 'cascade' }),
    summary: text('summary').notNull(),
    approach: text('approach').notNull(),
    blockIds: jsonb('block_ids').$type<string[]>().notNull().default([]),
    priceIndication: text('price_indication').notNull().default(''),
    status: text('status', { enum: ['submitted', 'accepted'] })
      .notNull()
      .default('submitted'),
    /** The portfolio initiative created when the core group accepted the proposal. */
    initiativeId: uuid('initiative_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('marketplace_proposals_status_check', sql`${t.status} in ('submitted', 'accepted')`),
    index('marketplace_proposals_challenge_idx').on(t.challengeId),
  ],
);

/** Every change to offerings, challenges and proposals: who, when, { field: [before, after] }. Append-only. */
export const marketplaceHistory = pgTable(
  'marketplace_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entity: text('entity', { enum: ['offering', 'challenge', 'proposal'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action', {
      enum: ['created', 'updated', 'submitted', 'approved', 'rejected', 'accepted'],
    }).notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('marketplace_history_entity_idx').on(t.entity, t.entityId, t.createdAt)],
);

// ---------- end of marketplace ----------
