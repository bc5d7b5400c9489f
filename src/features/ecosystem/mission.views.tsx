import type { ViewContext } from '../../core/http/view-context.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import type { MissionVersion } from './mission.ts';

const fmt = (lang: string, d: Date) =>
  d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long' });

function VersionLine(props: { v: ViewContext; version: MissionVersion }) {
  const { t, lang } = props.v;
  const ver = props.version;
  return (
    <p class="ds-paragraph" data-size="sm">
      {ver.number === 0 || !ver.createdAt
        ? t('eco.mission.versionZero')
        : t('eco.mission.versionOf', { n: ver.number, date: fmt(lang, ver.createdAt), name: ver.authorName ?? '' })}
    </p>
  );
}

function MissionText(props: { v: ViewContext; version: MissionVersion; headingLevel: 2 | 3 }) {
  const { t } = props.v;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <p class="ds-paragraph history-note">{props.version.narrative}</p>
      <H class="ds-heading" data-size="sm">
        {t('eco.mission.principles')}
      </H>
      <ol class="ds-list">
        {props.version.principles.map((p) => (
          <li>{p}</li>
        ))}
      </ol>
    </>
  );
}

export function MissionView(props: {
  v: ViewContext;
  versions: MissionVersion[];
  shown: MissionVersion;
  signatories: { actorId: string; name: string; signedByName: string; versionNumber: number }[];
  canSignFor: { actorId: string; name: string }[];
  canEdit: boolean;
  edit?: { values: Record<string, string>; errors: Record<string, string> };
}) {
  const { t } = props.v;
  const current = props.versions[0]!;
  const isCurrent = props.shown.number === current.number;
  const edit = props.edit ?? {
    values: { base: String(current.number), narrative: current.narrative, principles: current.principles.join('\n'), changeNote: '' },
    errors: {},
  };
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem">
          {t('eco.nav')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {t('eco.mission.title')}
      </h1>
      <VersionLine v={props.v} version={props.shown} />
      {isCurrent ? null : (
        <p class="ds-paragraph">
          <a class="ds-link" href="/okosystem/oppdrag">
            {t('eco.mission.current')}
          </a>
        </p>
      )}
      <MissionText v={props.v} version={props.shown} headingLevel={2} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/veikart">
          {t('roadmap.link')}
        </a>
        : {t('roadmap.link.description')}
      </p>
      <h2 class="ds-heading" data-size="sm">
        {t('eco.mission.signatories')}
      </h2>
      {props.signatories.length === 0 ? (
        <p class="ds-paragraph">{t('eco.mission.signatories.none')}</p>
      ) : (
        <ul class="ds-list">
          {props.signatories.map((s) => (
            <li>
              <a class="ds-link" href={`/okosystem/aktorer/${s.actorId}`}>
                {s.name}
              </a>{' '}
              ({t('eco.mission.signedBy', { name: s.signedByName, n: s.versionNumber })})
            </li>
          ))}
        </ul>
      )}
      {props.canSignFor.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {t('eco.mission.sign')}
          </h2>
          {props.canSignFor.map((a) => (
            <form method="post" action="/okosystem/oppdrag/signer" class="inline-form">
              <CsrfField v={props.v} />
              <input type="hidden" name="actorId" value={a.actorId} />
              <button type="submit" class="ds-button" data-variant="secondary">
                {t('eco.mission.signFor', { actor: a.name })}
              </button>
            </form>
          ))}
        </>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {t('eco.mission.versions')}
      </h2>
      <ul class="ds-list">
        {props.versions.map((ver) => (
          <li>
            {ver.number === props.shown.number ? (
              <strong>{t('eco.mission.version', { n: ver.number })}</strong>
            ) : (
              <a class="ds-link" href={`/okosystem/oppdrag/versjoner/${ver.number}`}>
                {t('eco.mission.version', { n: ver.number })}
              </a>
            )}
            {ver.changeNote ? `: ${ver.changeNote}` : ''}
          </li>
        ))}
      </ul>
      {props.canEdit && isCurrent ? (
        <>
          <h2 class="ds-heading" data-size="sm" id="ny-versjon">
            {t('eco.mission.edit')}
          </h2>
          <ErrorSummary v={props.v} errors={edit.errors} />
          <form method="post" action="/okosystem/oppdrag" novalidate>
            <CsrfField v={props.v} />
            <input type="hidden" name="base" value={edit.values.base ?? String(current.number)} />
            {(
              [
                ['narrative', t('eco.mission.narrative'), 10],
                ['principles', t('eco.mission.principlesField'), 10],
                ['changeNote', t('eco.mission.changeNote'), 2],
              ] as const
            ).map(([id, label, rows]) => (
              <div class="ds-field form-field">
                <label class="ds-label" for={id}>
                  {label}
                </label>
                {edit.errors[id] ? (
                  <div class="ds-validation-message" id={`${id}-error`} data-color="danger">
                    {edit.errors[id]}
                  </div>
                ) : null}
                <textarea
                  class="ds-input"
                  id={id}
                  name={id}
                  rows={rows}
                  aria-invalid={edit.errors[id] ? 'true' : undefined}
                  aria-describedby={edit.errors[id] ? `${id}-error` : undefined}
                >
                  {edit.values[id] ?? ''}
                </textarea>
              </div>
            ))}
            <button type="submit" class="ds-button" data-variant="primary">
              {t('eco.actor.save')}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
