import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { recordFormProvenance } from '../../core/prefill/provenance.ts';
import { EDIT_ROLES } from './read-statutes.ts';
import { fromStored, initialDraft, nextPageAfter } from './statutes.draft.ts';
import { findCurrentVersion, findOrganisationBasics, insertDraftIfMissing, lockDraft, updateDraft } from './statutes.queries.ts';
import { type DraftPatch, PAGE_FIELDS, PAGE_SLUGS, type PageSlug } from './statutes.schema.ts';

/**
 * Saves one question page into the organisation's draft (created on the first save, prefilled as the
 * person saw it), so nothing typed is lost between pages. Records which fields were prefilled, kept,
 * corrected or typed (measured gain, core/prefill) in the same transaction. Returns where to go next.
 */
export async function saveStatutesPage(
  deps: Deps,
  opts: {
    user: CurrentUser | null;
    organisationId: string;
    page: PageSlug;
    patch: DraftPatch;
    /** The form fields as posted, for provenance. */
    submitted: Record<string, string | undefined>;
    lang: string;
  },
): Promise<{ next: PageSlug | 'sjekk' }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  if (!PAGE_SLUGS.includes(opts.page)) throw new AppError('not_found', 'error.notFound.body');
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const organisation = await findOrganisationBasics(db, opts.organisationId);
    if (!organisation) throw new AppError('not_found', 'error.notFound.body');
    const start = initialDraft({ organisation, current: await findCurrentVersion(db, organisation.id), userLang: opts.lang });
    await insertDraftIfMissing(db, {
      organisationId: organisation.id,
      answers: start.answers,
      answeredPages: start.answeredPages,
      prefill: start.prefill,
      language: start.language,
      basedOnVersion: start.basedOnVersion,
      userId: user.id,
      at,
    });
    const stored = await lockDraft(db, organisation.id);
    if (!stored) throw new AppError('conflict', 'statutes.error.draftChanged');
    const draft = fromStored(stored);
    const answeredPages = draft.answeredPages.includes(opts.page) ? draft.answeredPages : [...draft.answeredPages, opts.page];
    await updateDraft(db, organisation.id, {
      answers: { ...draft.answers, ...opts.patch.answers },
      answeredPages,
      language: opts.patch.language ?? draft.language,
      userId: user.id,
      at,
    });
    const fields = PAGE_FIELDS[opts.page];
    const submitted: Record<string, string | undefined> = {};
    const prefilled: typeof draft.prefill = {};
    for (const field of fields) {
      submitted[field] = opts.submitted[field] ?? '';
      const p = draft.prefill[field];
      if (p) prefilled[field] = p;
    }
    await recordFormProvenance(db, { organisationId: organisation.id, userId: user.id, form: 'statutes', prefilled, submitted, at });
    return { next: nextPageAfter({ answeredPages }, opts.page) };
  });
}
