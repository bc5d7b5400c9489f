import { defineMessages } from '../../core/i18n/i18n.ts';

export const gainsMessages = defineMessages({
  nb: {
    'gains.title': 'Gevinster',
    'gains.lead':
      'Økosystemet arbeider mot fire gevinster. Her ser du dem målt med tall fra det plattformen faktisk registrerer, med hva som telles ved siden av hvert tall og utviklingen måned for måned.',
    'gains.rule':
      'Personvern: Tallene er summer for hele plattformen. Et tall som bygger på færre enn 5 organisasjoner, vises ikke, fordi det kan peke ut én organisasjon. Da står det «færre enn 5». Null vises som 0.',
    'gains.computedAt': 'Tallene ble beregnet {time}.',
    'gains.back': 'Tilbake til økosystemet',
    'gains.fewer': 'færre enn 5',
    'gains.noData': 'Ingen data ennå: plattformen har ikke registrert noe for dette målet.',
    'gains.noSnapshot': 'ingen måling',
    'gains.def.counts': 'Hva telles',
    'gains.def.source': 'Kilde',
    'gains.def.excludes': 'Telles ikke',
    'gains.def.monthly': 'Per måned',
    'gains.total.history': 'I alt: {value}',
    'gains.total.snapshot': 'Siste måling ({month}): {value}',
    'gains.share': 'Det er {share} av alle skjemafelt plattformen har registrert.',
    'gains.table.caption': '{name}, per måned de siste 12 månedene',
    'gains.col.month': 'Måned',
    'gains.col.value': 'Antall',
    'gains.chart.title': '{name} per måned',
    'gains.chart.desc': 'Søylediagram med én søyle per måned de siste 12 månedene. Tallene står også i tabellen ved siden av.',
    'gains.download.csv': 'Last ned alle tallene (CSV)',
    'gains.download.json': 'Hent tallene som JSON fra API-et',
    'gains.download.note': 'Tallene er de samme på siden, i nedlastingen og i API-et (GET /api/v1/gevinster).',
    'gains.overviewLink': 'Se gevinstene målt med tall fra plattformen',
    'gains.csv.gain': 'Gevinst',
    'gains.csv.indicator': 'Mål',
    'gains.csv.period': 'Periode',
    'gains.csv.value': 'Antall',
    'gains.csv.note': 'Merknad',
    'gains.csv.total': 'I alt',
    'gains.csv.latest': 'Siste måling',

    'gains.ind.fields-prefilled.name': 'Skjemafelt plattformen fylte ut',
    'gains.ind.fields-prefilled.counts':
      'Felt i skjemaene (fakta om organisasjonen, vedtekter, stiftelsesmøte, registermelding) der plattformen viste et svar den allerede kjente, og personen beholdt det. Hver innsending teller.',
    'gains.ind.fields-prefilled.source': 'Tabellen form_field_provenance (utfallet «prefilled»), alle kilder.',
    'gains.ind.fields-prefilled.excludes':
      'Felt personen måtte skrive selv eller rettet, felt som ikke var med i skjemaet, og selve verdiene (de lagres aldri).',
    'gains.ind.fields-prefilled.monthly': 'Felt beholdt som utfylt, etter måneden skjemaet ble sendt inn.',
    'gains.ind.plan-tasks-done.name': 'Oppgaver i planen som er fullført',
    'gains.ind.plan-tasks-done.counts':
      'Oppgaver i organisasjonenes personlige plan som styret har merket som fullført. I alt: oppgaver som står som fullført nå.',
    'gains.ind.plan-tasks-done.source':
      'Tabellen plan_task_statuses (status «done»); per måned revisjonsloggen audit_events (plan.task_status_changed til «done»).',
    'gains.ind.plan-tasks-done.excludes':
      'Oppgaver plattformen selv ser er gjort fra registrene (de lagres ikke som status), og oppgaver som ble satt tilbake.',
    'gains.ind.plan-tasks-done.monthly': 'Ganger en oppgave ble merket som fullført den måneden.',
    'gains.ind.registrations-received.name': 'Registermeldinger sendt elektronisk',
    'gains.ind.registrations-received.counts':
      'Samordnet registermelding sendt fra plattformen som Brønnøysundregistrenes elektroniske mottak har kvittert for, ferdig kontrollert og med styrets bekreftelser.',
    'gains.ind.registrations-received.source': 'Tabellen registration_packages (kvittering received_at).',
    'gains.ind.registrations-received.excludes':
      'Pakker som ikke er sendt, som ble forkastet eller ikke kom fram, og meldinger sendt utenom plattformen.',
    'gains.ind.registrations-received.monthly': 'Meldinger etter måneden mottaket kvitterte.',
    'gains.ind.registration-fields-prefilled.name': 'Felt i registermeldingen hentet fra det som var kjent',
    'gains.ind.registration-fields-prefilled.counts':
      'Felt i registermeldingen (sidene, styremedlemmene og kontaktpersonen) som plattformen fylte ut fra registrene, vedtektene eller stiftelsesmøtet, og som ble sendt uendret. Det er opplysninger saksbehandleren ikke må kontrollere mot andre kilder.',
    'gains.ind.registration-fields-prefilled.source': 'Tabellen form_field_provenance, skjemaene registration.* (utfallet «prefilled»).',
    'gains.ind.registration-fields-prefilled.excludes': 'Felt som ble skrevet eller rettet, og fødselsnummer (de blir aldri fylt ut).',
    'gains.ind.registration-fields-prefilled.monthly': 'Felt beholdt som utfylt, etter måneden siden ble lagret.',
    'gains.ind.register-fields.name': 'Spørsmål besvart fra registrene i stedet for å spørre',
    'gains.ind.register-fields.counts':
      'Skjemafelt fylt ut med opplysninger fra Enhetsregisteret, Frivillighetsregisteret eller rolleregisteret, som personen beholdt.',
    'gains.ind.register-fields.source':
      'Tabellen form_field_provenance, kildene enhetsregisteret, frivillighetsregisteret og roller (utfallet «prefilled»).',
    'gains.ind.register-fields.excludes':
      'Felt fylt ut fra arbeidsrommet, vedtektene eller stiftelsesmøtet, og registeropplysninger personen måtte rette.',
    'gains.ind.register-fields.monthly': 'Felt fra registrene beholdt, etter måneden skjemaet ble sendt inn.',
    'gains.ind.register-linked-workspaces.name': 'Arbeidsrom koblet til registrene',
    'gains.ind.register-linked-workspaces.counts':
      'Arbeidsrom med et organisasjonsnummer som finnes i plattformens kopi av Enhetsregisteret, slik at profilen og faktaene hentes derfra.',
    'gains.ind.register-linked-workspaces.source':
      'Tabellene organisations og register_enheter, målt av en bakgrunnsjobb og lagret per måned i gains_snapshots.',
    'gains.ind.register-linked-workspaces.excludes': 'Grupper som ikke er registrert ennå, og måneder før målingene startet.',
    'gains.ind.register-linked-workspaces.monthly': 'Siste måling i måneden.',
    'gains.ind.moms-matched.name': 'Organisasjoner som får momskompensasjon i planen',
    'gains.ind.moms-matched.counts':
      'Arbeidsrom der den personlige planen, ut fra fakta og registrene, tar med oppgaven «Søk om momskompensasjon» (og styret ikke har satt den til ikke aktuell).',
    'gains.ind.moms-matched.source':
      'Reglene for planen brukt på hvert arbeidsrom (organisation_facts, registrene, plan_task_statuses), målt av en bakgrunnsjobb og lagret per måned i gains_snapshots.',
    'gains.ind.moms-matched.excludes':
      'Om organisasjonen faktisk søkte eller fikk kompensasjon (det vet ikke plattformen), og måneder før målingene startet.',
    'gains.ind.moms-matched.monthly': 'Siste måling i måneden.',
    'gains.ind.grasrot-matched.name': 'Organisasjoner som får Grasrotandelen i planen',
    'gains.ind.grasrot-matched.counts':
      'Arbeidsrom der den personlige planen tar med oppgaven «Meld dere på Grasrotandelen» (og styret ikke har satt den til ikke aktuell).',
    'gains.ind.grasrot-matched.source':
      'Reglene for planen brukt på hvert arbeidsrom (organisation_facts, registrene, plan_task_statuses), målt av en bakgrunnsjobb og lagret per måned i gains_snapshots.',
    'gains.ind.grasrot-matched.excludes': 'Om organisasjonen faktisk meldte seg på, og måneder før målingene startet.',
    'gains.ind.grasrot-matched.monthly': 'Siste måling i måneden.',
    'gains.ind.offerings-suggested.name': 'Organisasjoner som fikk forslag fra markedsplassen',
    'gains.ind.offerings-suggested.counts':
      'Organisasjoner som har fått minst ett tilbud på markedsplassen foreslått i arbeidsrommet, ut fra åpne oppgaver i planen eller behov de selv har meldt.',
    'gains.ind.offerings-suggested.source': 'Tabellen marketplace_suggestions_seen (første gang et tilbud ble vist for organisasjonen).',
    'gains.ind.offerings-suggested.excludes':
      'Om organisasjonen tok tilbudet i bruk, og nye forslag til en organisasjon som alt har fått forslag.',
    'gains.ind.offerings-suggested.monthly': 'Organisasjoner etter måneden de fikk sitt første forslag.',
  },
  nn: {
    'gains.title': 'Gevinstar',
    'gains.lead':
      'Økosystemet arbeider mot fire gevinstar. Her ser du dei målte med tal frå det plattforma faktisk registrerer, med kva som blir tald ved sida av kvart tal og utviklinga månad for månad.',
    'gains.rule':
      'Personvern: Tala er summar for heile plattforma. Eit tal som byggjer på færre enn 5 organisasjonar, blir ikkje vist, fordi det kan peike ut éin organisasjon. Då står det «færre enn 5». Null blir vist som 0.',
    'gains.computedAt': 'Tala vart rekna ut {time}.',
    'gains.back': 'Tilbake til økosystemet',
    'gains.fewer': 'færre enn 5',
    'gains.noData': 'Ingen data enno: plattforma har ikkje registrert noko for dette målet.',
    'gains.noSnapshot': 'inga måling',
    'gains.def.counts': 'Kva blir tald',
    'gains.def.source': 'Kjelde',
    'gains.def.excludes': 'Blir ikkje tald',
    'gains.def.monthly': 'Per månad',
    'gains.total.history': 'I alt: {value}',
    'gains.total.snapshot': 'Siste måling ({month}): {value}',
    'gains.share': 'Det er {share} av alle skjemafelt plattforma har registrert.',
    'gains.table.caption': '{name}, per månad dei siste 12 månadene',
    'gains.col.month': 'Månad',
    'gains.col.value': 'Tal',
    'gains.chart.title': '{name} per månad',
    'gains.chart.desc': 'Søylediagram med éi søyle per månad dei siste 12 månadene. Tala står også i tabellen ved sida av.',
    'gains.download.csv': 'Last ned alle tala (CSV)',
    'gains.download.json': 'Hent tala som JSON frå API-et',
    'gains.download.note': 'Tala er dei same på sida, i nedlastinga og i API-et (GET /api/v1/gevinster).',
    'gains.overviewLink': 'Sjå gevinstane målte med tal frå plattforma',
    'gains.csv.gain': 'Gevinst',
    'gains.csv.indicator': 'Mål',
    'gains.csv.period': 'Periode',
    'gains.csv.value': 'Tal',
    'gains.csv.note': 'Merknad',
    'gains.csv.total': 'I alt',
    'gains.csv.latest': 'Siste måling',

    'gains.ind.fields-prefilled.name': 'Skjemafelt plattforma fylte ut',
    'gains.ind.fields-prefilled.counts':
      'Felt i skjemaa (fakta om organisasjonen, vedtekter, skipingsmøte, registermelding) der plattforma viste eit svar ho alt kjende, og personen beheldt det. Kvar innsending tel.',
    'gains.ind.fields-prefilled.source': 'Tabellen form_field_provenance (utfallet «prefilled»), alle kjelder.',
    'gains.ind.fields-prefilled.excludes':
      'Felt personen måtte skrive sjølv eller retta, felt som ikkje var med i skjemaet, og sjølve verdiane (dei blir aldri lagra).',
    'gains.ind.fields-prefilled.monthly': 'Felt behaldne som utfylte, etter månaden skjemaet vart sendt inn.',
    'gains.ind.plan-tasks-done.name': 'Oppgåver i planen som er fullførte',
    'gains.ind.plan-tasks-done.counts':
      'Oppgåver i den personlege planen til organisasjonane som styret har merkt som fullførte. I alt: oppgåver som står som fullførte no.',
    'gains.ind.plan-tasks-done.source':
      'Tabellen plan_task_statuses (status «done»); per månad revisjonsloggen audit_events (plan.task_status_changed til «done»).',
    'gains.ind.plan-tasks-done.excludes':
      'Oppgåver plattforma sjølv ser er gjorde frå registera (dei blir ikkje lagra som status), og oppgåver som vart sette tilbake.',
    'gains.ind.plan-tasks-done.monthly': 'Gonger ei oppgåve vart merkt som fullført den månaden.',
    'gains.ind.registrations-received.name': 'Registermeldingar sende elektronisk',
    'gains.ind.registrations-received.counts':
      'Samordna registermelding send frå plattforma som det elektroniske mottaket til Brønnøysundregistra har kvittert for, ferdig kontrollert og med stadfestingane frå styret.',
    'gains.ind.registrations-received.source': 'Tabellen registration_packages (kvittering received_at).',
    'gains.ind.registrations-received.excludes':
      'Pakkar som ikkje er sende, som vart forkasta eller ikkje kom fram, og meldingar sende utanom plattforma.',
    'gains.ind.registrations-received.monthly': 'Meldingar etter månaden mottaket kvitterte.',
    'gains.ind.registration-fields-prefilled.name': 'Felt i registermeldinga henta frå det som var kjent',
    'gains.ind.registration-fields-prefilled.counts':
      'Felt i registermeldinga (sidene, styremedlemmene og kontaktpersonen) som plattforma fylte ut frå registera, vedtektene eller skipingsmøtet, og som vart sende uendra. Det er opplysningar saksbehandlaren ikkje må kontrollere mot andre kjelder.',
    'gains.ind.registration-fields-prefilled.source': 'Tabellen form_field_provenance, skjemaa registration.* (utfallet «prefilled»).',
    'gains.ind.registration-fields-prefilled.excludes': 'Felt som vart skrivne eller retta, og fødselsnummer (dei blir aldri fylte ut).',
    'gains.ind.registration-fields-prefilled.monthly': 'Felt behaldne som utfylte, etter månaden sida vart lagra.',
    'gains.ind.register-fields.name': 'Spørsmål svarte frå registera i staden for å spørje',
    'gains.ind.register-fields.counts':
      'Skjemafelt fylte ut med opplysningar frå Einingsregisteret, Frivilligregisteret eller rolleregisteret, som personen beheldt.',
    'gains.ind.register-fields.source':
      'Tabellen form_field_provenance, kjeldene enhetsregisteret, frivillighetsregisteret og roller (utfallet «prefilled»).',
    'gains.ind.register-fields.excludes':
      'Felt fylte ut frå arbeidsrommet, vedtektene eller skipingsmøtet, og registeropplysningar personen måtte rette.',
    'gains.ind.register-fields.monthly': 'Felt frå registera behaldne, etter månaden skjemaet vart sendt inn.',
    'gains.ind.register-linked-workspaces.name': 'Arbeidsrom kopla til registera',
    'gains.ind.register-linked-workspaces.counts':
      'Arbeidsrom med eit organisasjonsnummer som finst i kopien plattforma har av Einingsregisteret, slik at profilen og fakta blir henta derifrå.',
    'gains.ind.register-linked-workspaces.source':
      'Tabellane organisations og register_enheter, målt av ein bakgrunnsjobb og lagra per månad i gains_snapshots.',
    'gains.ind.register-linked-workspaces.excludes': 'Grupper som ikkje er registrerte enno, og månader før målingane starta.',
    'gains.ind.register-linked-workspaces.monthly': 'Siste måling i månaden.',
    'gains.ind.moms-matched.name': 'Organisasjonar som får momskompensasjon i planen',
    'gains.ind.moms-matched.counts':
      'Arbeidsrom der den personlege planen, ut frå fakta og registera, tek med oppgåva «Søk om momskompensasjon» (og styret ikkje har sett ho til ikkje aktuell).',
    'gains.ind.moms-matched.source':
      'Reglane for planen brukte på kvart arbeidsrom (organisation_facts, registera, plan_task_statuses), målt av ein bakgrunnsjobb og lagra per månad i gains_snapshots.',
    'gains.ind.moms-matched.excludes':
      'Om organisasjonen faktisk søkte eller fekk kompensasjon (det veit ikkje plattforma), og månader før målingane starta.',
    'gains.ind.moms-matched.monthly': 'Siste måling i månaden.',
    'gains.ind.grasrot-matched.name': 'Organisasjonar som får Grasrotandelen i planen',
    'gains.ind.grasrot-matched.counts':
      'Arbeidsrom der den personlege planen tek med oppgåva «Meld dykk på Grasrotdelen» (og styret ikkje har sett ho til ikkje aktuell).',
    'gains.ind.grasrot-matched.source':
      'Reglane for planen brukte på kvart arbeidsrom (organisation_facts, registera, plan_task_statuses), målt av ein bakgrunnsjobb og lagra per månad i gains_snapshots.',
    'gains.ind.grasrot-matched.excludes': 'Om organisasjonen faktisk melde seg på, og månader før målingane starta.',
    'gains.ind.grasrot-matched.monthly': 'Siste måling i månaden.',
    'gains.ind.offerings-suggested.name': 'Organisasjonar som fekk forslag frå marknadsplassen',
    'gains.ind.offerings-suggested.counts':
      'Organisasjonar som har fått minst eitt tilbod på marknadsplassen føreslått i arbeidsrommet, ut frå opne oppgåver i planen eller behov dei sjølve har meldt.',
    'gains.ind.offerings-suggested.source': 'Tabellen marketplace_suggestions_seen (første gong eit tilbod vart vist for organisasjonen).',
    'gains.ind.offerings-suggested.excludes':
      'Om organisasjonen tok tilbodet i bruk, og nye forslag til ein organisasjon som alt har fått forslag.',
    'gains.ind.offerings-suggested.monthly': 'Organisasjonar etter månaden dei fekk sitt første forslag.',
  },
  en: {},
});
