import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { confirmPackage, inviteBoardMember, requestConfirmations } from './confirmations.ts';
import { discardPackage } from './discard-package.ts';
import { readOverview, readSectionPage, type SectionPageData } from './read-package.ts';
import {
  addressSectionSchema,
  boardPersonSchema,
  confirmSchema,
  contactDetailsSchema,
  contactPersonSchema,
  frrSectionSchema,
  grasrotSectionSchema,
  inviteBoardMemberSchema,
  organisationSectionSchema,
  questionsSectionSchema,
  removePersonSchema,
  rolesSectionSchema,
  type Section,
} from './registration.schema.ts';
import {
  AddressFields,
  BoardListView,
  base,
  ConfirmView,
  ContactDetailsFields,
  ContactPersonFields,
  DiscardView,
  FrrFields,
  GrasrotFields,
  OrganisationFields,
  OverviewView,
  PersonFormView,
  QuestionPage,
  QuestionsFields,
  RolesFields,
  SECTION_ORDER,
  SECTION_PATHS,
  SummaryView,
  sectionHref,
} from './registration.views.tsx';
import { PersonFieldError, removeBoardPerson, saveBoardPerson, saveContactPerson } from './save-person.ts';
import { type AnswerSection, saveSection } from './save-section.ts';
import { startPackage } from './start-package.ts';
import { downloadSubmission, submitPackage } from './submission.ts';

/**
 * The registration package for Samordnet registermelding at /arbeidsrom/:orgId/registrering (GOV.UK question
 * pages, check answers, confirmation; every page works without JavaScript). Handlers are thin: the domain function
 * checks the caller's role first — before a form is even parsed — so a stranger learns nothing (test/security).
 */

type FieldsComponent = typeof OrganisationFields;

const ANSWER_PAGES: Record<AnswerSection, { schema: z.ZodType; fields: FieldsComponent; fieldNames: string[] }> = {
  organisation: { schema: organisationSectionSchema, fields: OrganisationFields, fieldNames: ['name', 'foundedOn', 'purpose', 'activity'] },
  address: {
    schema: addressSectionSchema,
    fields: AddressFields,
    fieldNames: [
      'businessAddress',
      'businessPostnummer',
      'businessPoststed',
      'kommunenummer',
      'postalSame',
      'postalAddress',
      'postalPostnummer',
      'postalPoststed',
    ],
  },
  contactDetails: { schema: contactDetailsSchema, fields: ContactDetailsFields, fieldNames: ['email', 'phone', 'maalform'] },
  roles: {
    schema: rolesSectionSchema,
    fields: RolesFields,
    fieldNames: [
      'revisor',
      'revisorOrgnr',
      'revisorName',
      'regnskapsforer',
      'regnskapsforerOrgnr',
      'regnskapsforerName',
      'signature',
      'prokura',
      'prokuraText',
    ],
  },
  questions: {
    schema: questionsSectionSchema,
    fields: QuestionsFields,
    fieldNames: ['mva', 'employees', 'employeeCount', 'foretaksregisteret'],
  },
  frr: {
    schema: frrSectionSchema,
    fields: FrrFields,
    fieldNames: [
      'frr',
      'icnpo1',
      'icnpo2',
      'icnpo3',
      'vedtekter',
      'rapporteringsplikt',
      'regnskapsperiodeSlutt',
      'offentligFlertall',
      'utdelingFysiskePersoner',
    ],
  },
  grasrot: {
    schema: grasrotSectionSchema,
    fields: GrasrotFields,
    fieldNames: [
      'deltarI',
      'kontonummer',
      'drivesAllAktivitetLokaltEllerRegionalt',
      'frivilligArbeidsinnsats',
      'utfoererOppgaverForDetOffentlige',
      'utfoererSykehuslignendeTjenester',
      'erUngdomsorganisasjon',
      'erElevEllerStudentorganisasjon',
    ],
  },
};

/** Every route here is under /arbeidsrom/:orgId; the paths are built from one prefix, so Hono cannot type the param. */
const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId') ?? '';

const fromSummary = (c: Context<AppEnv>) => c.req.query('fra') === 'oppsummering';

/** After a page: back to check answers when the editor came from there, else the next question (GOV.UK). */
function nextPath(c: Context<AppEnv>, orgId: string, section: Section): string {
  if (fromSummary(c)) return `${base(orgId)}/oppsummering`;
  const next = SECTION_ORDER[SECTION_ORDER.indexOf(section) + 1];
  // Grasrotandelen is only asked when the organisation registers in Frivillighetsregisteret.
  return next ? sectionHref(orgId, next) : `${base(orgId)}/oppsummering`;
}

function flashSaved(c: Context<AppEnv>, invalidated: number) {
  setFlash(
    c,
    invalidated > 0
      ? { key: 'reg.flash.savedInvalidated', params: { n: invalidated }, kind: 'warning' }
      : { key: 'reg.flash.saved', kind: 'success' },
  );
}

export function registrationRoutes() {
  const app = new Hono<AppEnv>();
  const P = '/arbeidsrom/:orgId/registrering';

  app.get(P, async (c) => {
    const data = await readOverview(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    return renderPage(c, { title: (v) => v.t('reg.title'), body: (v) => <OverviewView v={v} data={data} /> });
  });

  app.post(`${P}/start`, async (c) => {
    const orgId = orgIdOf(c);
    const { created } = await startPackage(c.get('deps'), { user: c.get('user'), organisationId: orgId });
    setFlash(c, { key: created ? 'reg.flash.started' : 'reg.flash.alreadyStarted', kind: 'success' });
    return redirectAfterPost(c, sectionHref(orgId, 'organisation'));
  });

  // ---------- the answer pages ----------
  for (const [section, def] of Object.entries(ANSWER_PAGES) as [AnswerSection, (typeof ANSWER_PAGES)[AnswerSection]][]) {
    const path = `${P}/${SECTION_PATHS[section]}`;
    const Fields = def.fields;
    const render = (c: Context<AppEnv>, page: SectionPageData, values: Record<string, string>, errors?: Record<string, string>) =>
      renderPage(c, {
        title: (v) => v.t(`reg.section.${section}` as MessageKey),
        status: errors ? 422 : 200,
        body: (v) => (
          <QuestionPage
            v={v}
            page={page}
            section={section}
            errors={errors}
            action={`${sectionHref(orgIdOf(c), section)}${fromSummary(c) ? '?fra=oppsummering' : ''}`}
          >
            <Fields v={v} page={page} values={values} errors={errors ?? {}} />
          </QuestionPage>
        ),
      });

    app.get(path, async (c) => {
      const page = await readSectionPage(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c), section });
      return render(c, page, page.values);
    });

    app.post(path, async (c) => {
      const orgId = orgIdOf(c);
      const deps = c.get('deps');
      // The role check (inside readSectionPage) comes before the form is parsed or any error is shown.
      const page = await readSectionPage(deps, { user: c.get('user'), organisationId: orgId, section });
      const form = await parseForm(c, def.schema);
      if (!form.ok) return render(c, page, form.values, form.errors);
      const submitted = Object.fromEntries(def.fieldNames.map((f) => [f, form.values[f]]));
      const { invalidated } = await saveSection(deps, {
        user: c.get('user'),
        organisationId: orgId,
        section,
        value: form.data as never,
        submitted,
        prefilled: page.prefilled,
      });
      flashSaved(c, invalidated);
      let next = nextPath(c, orgId, section);
      if (section === 'frr' && (form.data as { register: boolean }).register === false && !fromSummary(c))
        next = `${base(orgId)}/oppsummering`;
      return redirectAfterPost(c, next);
    });
  }

  // ---------- the board ----------
  app.get(`${P}/styre`, async (c) => {
    const page = await readSectionPage(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c), section: 'board' });
    return renderPage(c, {
      title: (v) => v.t('reg.section.board'),
      body: (v) => <BoardListView v={v} page={page} fromSummary={fromSummary(c)} />,
    });
  });

  app.get(`${P}/styre/person`, async (c) => {
    const page = await readSectionPage(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c), section: 'board' });
    const personId = c.req.query('person');
    const person = personId ? (page.state.board.find((p) => p.id === personId) ?? null) : null;
    if (personId && !person) throw new AppError('not_found', 'reg.error.personMissing');
    const values: Record<string, string> = person
      ? { name: person.name, boardRole: person.boardRole ?? '', userId: person.userId ?? 'none', email: person.email ?? '' }
      : {};
    return renderPage(c, {
      title: (v) => (person ? v.t('reg.person.editTitle', { name: person.name }) : v.t('reg.person.addTitle')),
      body: (v) => <PersonFormView v={v} page={page} person={person} values={values} fromSummary={fromSummary(c)} />,
    });
  });

  app.post(`${P}/styre/person`, async (c) => {
    const orgId = orgIdOf(c);
    const deps = c.get('deps');
    const page = await readSectionPage(deps, { user: c.get('user'), organisationId: orgId, section: 'board' });
    const form = await parseForm(c, boardPersonSchema({ allowSynthetic: deps.config.NODE_ENV !== 'production' }));
    const person = page.state.board.find((p) => p.id === form.values.personId) ?? null;
    const rerender = (errors: Record<string, string>) =>
      renderPage(c, {
        title: (v) => (person ? v.t('reg.person.editTitle', { name: person.name }) : v.t('reg.person.addTitle')),
        status: 422,
        body: (v) => <PersonFormView v={v} page={page} person={person} values={form.values} errors={errors} fromSummary={fromSummary(c)} />,
      });
    if (!form.ok) return rerender(form.errors);
    try {
      const { invalidated } = await saveBoardPerson(deps, { user: c.get('user'), organisationId: orgId, input: form.data });
      flashSaved(c, invalidated);
    } catch (error) {
      if (error instanceof PersonFieldError) return rerender({ [error.field]: c.get('t')(error.messageKey as MessageKey) });
      throw error;
    }
    return redirectAfterPost(c, fromSummary(c) ? `${base(orgId)}/oppsummering` : `${base(orgId)}/styre`);
  });

  app.post(`${P}/styre/fjern`, async (c) => {
    const orgId = orgIdOf(c);
    const deps = c.get('deps');
    await readSectionPage(deps, { user: c.get('user'), organisationId: orgId, section: 'board' });
    const form = await parseForm(c, removePersonSchema);
    if (!form.ok) throw new AppError('not_found', 'reg.error.personMissing');
    const { invalidated } = await removeBoardPerson(deps, { user: c.get('user'), organisationId: orgId, personId: form.data.personId });
    setFlash(
      c,
      invalidated > 0
        ? { key: 'reg.flash.savedInvalidated', params: { n: invalidated }, kind: 'warning' }
        : { key: 'reg.flash.removed', kind: 'success' },
    );
    return redirectAfterPost(c, `${base(orgId)}/styre`);
  });

  // ---------- the contact person ----------
  const contactPage = (c: Context<AppEnv>, page: SectionPageData, values: Record<string, string>, errors?: Record<string, string>) =>
    renderPage(c, {
      title: (v) => v.t('reg.section.contact'),
      status: errors ? 422 : 200,
      body: (v) => (
        <QuestionPage
          v={v}
          page={page}
          section="contact"
          errors={errors}
          lead={v.t('reg.contact.lead')}
          action={`${base(page.state.organisation.id)}/kontaktperson${fromSummary(c) ? '?fra=oppsummering' : ''}`}
        >
          <ContactPersonFields
            v={v}
            page={page}
            values={values}
            errors={errors ?? {}}
            separate={page.state.persons.find((p) => p.kind === 'contact') ?? null}
          />
        </QuestionPage>
      ),
    });

  app.get(`${P}/kontaktperson`, async (c) => {
    const page = await readSectionPage(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c), section: 'contact' });
    const contact = page.state.data.contact;
    const separate = page.state.persons.find((p) => p.kind === 'contact');
    const leader = page.state.board.find((p) => p.boardRole === 'leader');
    const values: Record<string, string> = contact
      ? {
          contactKind: contact.kind,
          contactPerson: separate && separate.id === contact.personId ? 'other' : contact.personId,
          otherName: separate?.name ?? '',
        }
      : { contactKind: 'kontaktperson', contactPerson: leader?.id ?? '' };
    return contactPage(c, page, values);
  });

  app.post(`${P}/kontaktperson`, async (c) => {
    const orgId = orgIdOf(c);
    const deps = c.get('deps');
    const page = await readSectionPage(deps, { user: c.get('user'), organisationId: orgId, section: 'contact' });
    const form = await parseForm(c, contactPersonSchema({ allowSynthetic: deps.config.NODE_ENV !== 'production' }));
    if (!form.ok) return contactPage(c, page, form.values, form.errors);
    try {
      const { invalidated } = await saveContactPerson(deps, { user: c.get('user'), organisationId: orgId, input: form.data });
      flashSaved(c, invalidated);
    } catch (error) {
      if (error instanceof PersonFieldError)
        return contactPage(c, page, form.values, { [error.field]: c.get('t')(error.messageKey as MessageKey) });
      throw error;
    }
    return redirectAfterPost(c, nextPath(c, orgId, 'contact'));
  });

  // ---------- check answers, confirmations ----------
  app.get(`${P}/oppsummering`, async (c) => {
    const data = await readOverview(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    if (!data.state) throw new AppError('not_found', 'reg.error.noPackage');
    return renderPage(c, { title: (v) => v.t('reg.summary.title'), body: (v) => <SummaryView v={v} data={data} /> });
  });

  app.post(`${P}/til-bekreftelse`, async (c) => {
    const orgId = orgIdOf(c);
    const { notified } = await requestConfirmations(c.get('deps'), { user: c.get('user'), organisationId: orgId, lang: c.get('lang') });
    setFlash(c, { key: 'reg.flash.confirmationRequested', params: { n: notified }, kind: 'success' });
    return redirectAfterPost(c, base(orgId));
  });

  app.get(`${P}/bekreft`, async (c) => {
    const data = await readOverview(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    if (!data.state) throw new AppError('not_found', 'reg.error.noPackage');
    return renderPage(c, { title: (v) => v.t('reg.confirm.pageTitle'), body: (v) => <ConfirmView v={v} data={data} /> });
  });

  app.post(`${P}/bekreft`, async (c) => {
    const orgId = orgIdOf(c);
    const deps = c.get('deps');
    // Members may confirm only themselves; readOverview is the membership check before the form is read.
    await readOverview(deps, { user: c.get('user'), organisationId: orgId });
    const form = await parseForm(c, confirmSchema);
    const { allConfirmed } = await confirmPackage(deps, {
      user: c.get('user'),
      organisationId: orgId,
      version: form.ok ? form.data.version : 0,
    });
    setFlash(c, { key: allConfirmed ? 'reg.flash.allConfirmed' : 'reg.flash.confirmed', kind: 'success' });
    return redirectAfterPost(c, base(orgId));
  });

  app.post(`${P}/inviter`, async (c) => {
    const orgId = orgIdOf(c);
    const deps = c.get('deps');
    await readOverview(deps, { user: c.get('user'), organisationId: orgId });
    const form = await parseForm(c, inviteBoardMemberSchema);
    const { email, delivered } = await inviteBoardMember(deps, {
      user: c.get('user'),
      organisationId: orgId,
      personId: form.ok ? form.data.personId : '',
      lang: c.get('lang'),
    });
    setFlash(
      c,
      delivered
        ? { key: 'orgs.invite.sent', params: { email }, kind: 'success' }
        : { key: 'orgs.invite.notDelivered', params: { email }, kind: 'warning' },
    );
    return redirectAfterPost(c, base(orgId));
  });

  // ---------- the submission document, sending, discarding ----------
  app.get(`${P}/pakke.zip`, async (c) => {
    const { zip } = await downloadSubmission(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    return c.body(Buffer.from(zip), 200, {
      'content-type': 'application/zip',
      'content-disposition': 'attachment; filename="samordnet-registermelding.zip"',
      // It holds fødselsnummer: never kept by a browser cache or a proxy.
      'cache-control': 'no-store',
    });
  });

  app.get(`${P}/melding.xml`, async (c) => {
    const { xml } = await downloadSubmission(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    return c.body(xml, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': 'attachment; filename="melding.xml"',
      'cache-control': 'no-store',
    });
  });

  app.post(`${P}/send`, async (c) => {
    const orgId = orgIdOf(c);
    const result = await submitPackage(c.get('deps'), { user: c.get('user'), organisationId: orgId });
    setFlash(
      c,
      result.ok
        ? { key: 'reg.flash.received', params: { mottakId: result.mottakId }, kind: 'success' }
        : { key: 'reg.flash.sendFailed', kind: 'warning' },
    );
    return redirectAfterPost(c, base(orgId));
  });

  app.get(`${P}/forkast`, async (c) => {
    const data = await readOverview(c.get('deps'), { user: c.get('user'), organisationId: orgIdOf(c) });
    if (!data.viewer.canEdit) throw new AppError('forbidden', 'error.forbidden.body');
    if (!data.state) throw new AppError('not_found', 'reg.error.noPackage');
    return renderPage(c, { title: (v) => v.t('reg.discard.title'), body: (v) => <DiscardView v={v} data={data} /> });
  });

  app.post(`${P}/forkast`, async (c) => {
    const orgId = orgIdOf(c);
    await discardPackage(c.get('deps'), { user: c.get('user'), organisationId: orgId });
    setFlash(c, { key: 'reg.flash.discarded', kind: 'success' });
    return redirectAfterPost(c, base(orgId));
  });

  return app;
}
