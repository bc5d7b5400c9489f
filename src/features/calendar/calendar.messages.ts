import { defineMessages } from '../../core/i18n/i18n.ts';

/**
 * The årshjul's text. Rule texts take parameters; names ending in "Date" are ISO dates the presentation
 * formats in the reader's language (calendar.present.ts).
 */
export const calendarMessages = defineMessages({
  nb: {
    // rules
    'calendar.rule.arsmote.title': 'Siste frist for årsmøtet',
    'calendar.rule.arsmote.why':
      'Årsmøtet skal holdes hvert år, mellom {fromDate} og {meetingDate}. Det behandler årsmelding og regnskap og velger styre.',
    'calendar.rule.innkalling.title': 'Send innkalling til årsmøtet',
    'calendar.rule.innkalling.why':
      'Medlemmene skal få innkallingen minst {days} dager før årsmøtet. Datoen gjelder hvis dere holder møtet siste mulige dag, {meetingDate}; holder dere det tidligere, må innkallingen også sendes tidligere.',
    'calendar.rule.forslag.title': 'Frist for forslag fra medlemmene',
    'calendar.rule.forslag.why':
      'Forslag som skal behandles på årsmøtet, må være sendt til styret minst {days} dager før møtet. Datoen gjelder hvis møtet holdes {meetingDate}.',
    'calendar.rule.sakspapirer.title': 'Gjør saksliste og saksdokumenter tilgjengelige',
    'calendar.rule.sakspapirer.why':
      'Saksliste og saksdokumenter skal være tilgjengelige for medlemmene minst {days} dager før årsmøtet. Datoen gjelder hvis møtet holdes {meetingDate}.',
    'calendar.rule.arsregnskap.title': 'Årsregnskapet for {accountsYear} skal være klart',
    'calendar.rule.arsregnskap.titleAudited': 'Revidert årsregnskap for {accountsYear} skal være klart',
    'calendar.rule.arsregnskap.why': 'Årsmøtet behandler regnskapet for fjoråret, så det må ligge ved saksdokumentene.',
    'calendar.rule.arsregnskap.whyAudited':
      'Årsmøtet behandler det reviderte regnskapet for fjoråret, og vedtektene krever revisjon. Regnskapet og revisjonen må være klare når saksdokumentene gjøres tilgjengelige, så gi revisor god tid.',
    'calendar.rule.regnskapsregisteret.title': 'Send årsregnskapet for {accountsYear} til Regnskapsregisteret',
    'calendar.rule.regnskapsregisteret.why':
      'Dere har påtatt dere å rapportere årsregnskapet til Regnskapsregisteret (skjema RR-0009 «Friv»). Vi har ikke kunnet bekrefte en fast frist, så datoen er vår anbefaling: én måned etter årsmøtet. Sjekk fristen hos Brønnøysundregistrene.',
    'calendar.rule.registeroppdatering.title': 'Meld det nye styret til registrene',
    'calendar.rule.registeroppdatering.why':
      'Når årsmøtet har valgt styre, skal Enhetsregisteret og Frivillighetsregisteret oppdateres med Samordnet registermelding: hele styret og protokollen fra årsmøtet. Det finnes ingen fast frist. Vi anbefaler å gjøre det innen {days} dager etter møtet (her regnet fra siste mulige møtedag, {meetingDate}).',
    'calendar.rule.momskompensasjon.title': 'Søknadsfrist for momskompensasjon',
    'calendar.rule.momskompensasjon.why':
      'Søknaden om kompensasjon for merverdiavgift for {year} må være hos Lotteri- og stiftelsestilsynet senest 1. september.',
    'calendar.rule.momskompensasjon.whyMoved':
      'Søknadsfristen for momskompensasjon er 1. september. I {year} er {firstSeptemberDate} en lørdag, søndag eller helligdag, så fristen flyttes til neste virkedag.',
    'calendar.rule.momskompensasjonFrr.title': 'Organisasjonen må stå i Frivillighetsregisteret',
    'calendar.rule.momskompensasjonFrr.why':
      'Bare organisasjoner som er registrert i Frivillighetsregisteret innen søknadsfristen, kan få momskompensasjon for {year}. Dere er ikke registrert ennå. Send registreringen i god tid, for behandlingen tar tid.',
    'calendar.rule.momskompensasjonParaply.title': 'Paraplyorganisasjonens frist for momskompensasjon',
    'calendar.rule.momskompensasjonParaply.why':
      'Dere søker gjennom paraplyorganisasjonen (sentralleddet), som har en egen frist før fristen hos Lotteri- og stiftelsestilsynet ({deadlineDate}). Datoen er den dere har oppgitt.',
    'calendar.rule.grasrot.title': 'Utbetaling av grasrotandel',
    'calendar.rule.grasrot.why':
      'Norsk Tipping betaler ut grasrotandelen tre ganger i året: 1. januar, 1. mai og 1. september. Beløp under 300 kroner venter til neste utbetaling. Pengene går til kontoen som står i Frivillighetsregisteret, så hold kontonummeret oppdatert.',
    'calendar.rule.politiattest.title': 'Forny politiattest: {label}',
    'calendar.rule.politiattest.why':
      'Politiattesten ble vist fram {shownOnDate}. Loven krever ingen fornyelse, men mange forbund krever ny attest hvert {years}. år, så datoen er en anbefaling. Organisasjonen skal ikke lagre selve attesten, bare hvem som ble bedt om den, til hvilken rolle og når den ble vist.',
    'calendar.rule.opplosningVedtak.title': 'Årsmøtet vedtar å oppløse organisasjonen',
    'calendar.rule.opplosningVedtak.why':
      'Oppløsning vedtas normalt av årsmøtet, med det flertallet vedtektene krever (ofte 2/3). Vi vet ikke når vedtaket blir gjort, så vi har regnet med siste frist for neste årsmøte.',
    'calendar.rule.opplosningEkstraordinaert.title': 'Ekstraordinært årsmøte vedtar sletting',
    'calendar.rule.opplosningEkstraordinaert.why':
      'Vedtektene krever to møter: omtrent {months} måneder etter vedtaket om oppløsning ({decisionDate}) vedtar et ekstraordinært årsmøte sletting. Tiden imellom er avviklingsperioden: gjør opp gjeld, selg eiendeler ved behov og fordel det som er igjen slik vedtektene sier.',
    'calendar.rule.opplosningSletting.title': 'Meld slettingen til registrene',
    'calendar.rule.opplosningSletting.why':
      'Send Samordnet registermelding om sletting, med protokollen fra møtet som vedtok den ({meetingDate}). Det finnes ingen fast frist; vi anbefaler innen {days} dager.',
    // kinds
    'calendar.kind.deadline': 'Frist',
    'calendar.kind.recommendation': 'Anbefalt dato',
    'calendar.kind.payout': 'Utbetaling',
    'calendar.kind.estimate': 'Anslått dato',
    // citations
    'calendar.cite.statutes': 'Vedtektene deres',
    'calendar.cite.lovnorm': 'Lovnorm for idrettslag § 14 (brukes til dere har vedtekter i Frivillig)',
    'calendar.cite.rr0009': 'Regnskapsregisteret, skjema RR-0009 «Friv» (frist ikke bekreftet)',
    'calendar.cite.registermelding': 'Brønnøysundregistrene: Samordnet registermelding, endring',
    'calendar.cite.momsForskrift': 'Forskrift 23. oktober 2018 nr. 1600 om kompensasjon for merverdiavgift for frivillige organisasjoner',
    'calendar.cite.umbrella': 'Paraplyorganisasjonens egne regler (oppgitt av dere)',
    'calendar.cite.grasrot': 'Forskrift 5. desember 2022 nr. 2124 om Grasrotandelen; Norsk Tipping',
    'calendar.cite.politiattest': 'Politiregisterforskriften § 34-1',
    'calendar.cite.dissolution': 'Altinn: Sletting av en forening',
    // inputs and their sources
    'calendar.input.annualMeeting': 'frist og varsler for årsmøtet',
    'calendar.input.phase': 'fase i livshendelsen',
    'calendar.input.foundedOn': 'stiftelsesdato',
    'calendar.input.registered': 'registrert i Enhetsregisteret',
    'calendar.input.audit': 'revisjon',
    'calendar.input.inFrivillighetsregisteret': 'registrert i Frivillighetsregisteret',
    'calendar.input.wantsFrivillighetsregisteret': 'ønsker å stå i Frivillighetsregisteret',
    'calendar.input.umbrellaMomsDeadline': 'paraplyorganisasjonens frist',
    'calendar.input.grasrotandel': 'grasrotmottaker',
    'calendar.input.accountsReportingTakenOn': 'rapporterer årsregnskap til Regnskapsregisteret',
    'calendar.input.politiattester': 'politiattester',
    'calendar.input.dissolutionDecidedOn': 'vedtak om oppløsning',
    'calendar.input.dissolutionSecondMeeting': 'to møter ved oppløsning',
    'calendar.source.enhetsregisteret': 'Enhetsregisteret',
    'calendar.source.frivillighetsregisteret': 'Frivillighetsregisteret',
    'calendar.source.workspace': 'arbeidsrommet',
    'calendar.source.statutes': 'vedtektene',
    'calendar.source.founding-meeting': 'stiftelsesmøtet',
    'calendar.source.registration': 'registreringen',
    'calendar.source.declared': 'det dere har oppgitt',
    'calendar.source.default': 'standardverdi',
    'calendar.inputFrom': '{input} (fra {source})',
    // page
    'calendar.title': 'Årshjul',
    'calendar.workspaceLink': 'Årshjul: frister og påminnelser',
    'calendar.lead':
      'Fristene for {name} de neste tolv månedene, regnet ut fra vedtektene, registrene og det dere har fortalt oss. Når opplysningene endres, endres årshjulet.',
    'calendar.basedOnStatutes': 'Fristene for årsmøtet bygger på vedtektene deres (versjon {version}).',
    'calendar.basedOnDefaults':
      'Dere har ikke vedtekter i Frivillig ennå, så fristene for årsmøtet bygger på lovnormen for idrettslag: årsmøte innen 31. mars og innkalling minst en måned før.',
    'calendar.empty':
      'Ingen frister de neste tolv månedene. Årshjulet fylles når organisasjonen er stiftet, eller når dere vil stå i Frivillighetsregisteret.',
    'calendar.listHeading': 'De neste tolv månedene',
    'calendar.why': 'Hvorfor',
    'calendar.rule': 'Regel',
    'calendar.basedOn': 'Bygger på',
    'calendar.window': 'Kan holdes fra {fromDate} til {toDate}.',
    'calendar.taskLink': 'Om oppgaven',
    'calendar.count': '{n} frister',
    'calendar.countOne': '1 frist',
    'calendar.wheel.heading': 'Året som et hjul',
    'calendar.wheel.desc': 'Et hjul med de tolv månedene fra {fromMonth}, og ett merke for hver frist. Fristene står i listen over.',
    // feed
    'calendar.feed.heading': 'Abonner i kalenderen din',
    'calendar.feed.lead':
      'Legg årshjulet inn i Outlook, Google Kalender eller kalenderen på telefonen med en hemmelig abonnementsadresse. Kalenderen henter endringer selv. Alle som har adressen, kan se fristene, så del den bare med dem som trenger den.',
    'calendar.feed.none': 'Det er ikke laget noen abonnementsadresse ennå.',
    'calendar.feed.exists':
      'Det finnes en abonnementsadresse, laget {date}. Av sikkerhetshensyn viser vi den bare når den lages. Har dere mistet den, kan dere lage en ny; den gamle slutter da å virke.',
    'calendar.feed.create': 'Lag abonnementsadresse',
    'calendar.feed.rotate': 'Lag ny adresse og slå av den gamle',
    'calendar.feed.askLeader': 'Be en leder i organisasjonen om abonnementsadressen.',
    'calendar.feed.newUrl': 'Abonnementsadressen',
    'calendar.feed.newUrlHint': 'Kopier den nå: vi viser den bare denne ene gangen.',
    'calendar.feed.webcal': 'Åpne adressen i kalenderprogrammet',
    'calendar.feed.created': 'Abonnementsadressen er laget.',
    'calendar.feed.rotated': 'Den nye abonnementsadressen er laget. Den gamle virker ikke lenger.',
    'calendar.feed.name': 'Årshjul – {name}',
    'calendar.feed.description': 'Frister for {name} fra Frivillig',
    'calendar.feed.ruleLine': 'Regel: {rule}',
    'calendar.feed.moreLine': 'Årshjulet i Frivillig: {url}',
    // reminders
    'calendar.reminders.heading': 'Påminnelser på e-post',
    'calendar.reminders.lead': 'Få en e-post {days} dager før hver frist.',
    'calendar.reminders.on': 'Du får påminnelser på e-post til {email}.',
    'calendar.reminders.off': 'Du får ikke påminnelser på e-post.',
    'calendar.reminders.subscribe': 'Send meg påminnelser',
    'calendar.reminders.unsubscribe': 'Slutt å sende meg påminnelser',
    'calendar.reminders.noEmail': 'Du har ingen e-postadresse hos oss, så vi kan ikke sende deg påminnelser.',
    'calendar.reminders.subscribed': 'Du får nå påminnelser om fristene til {name}.',
    'calendar.reminders.unsubscribed': 'Du får ikke lenger påminnelser om fristene til {name}.',
    'calendar.reminders.and': 'og',
    'calendar.reminders.invalid': 'Velg om du vil ha påminnelser eller ikke.',
    'calendar.email.subject': 'Påminnelse: {title} – {date}',
    'calendar.email.inDays': 'om {days} dager',
    'calendar.email.inOneDay': 'i morgen',
    'calendar.email.today': 'i dag',
    'calendar.email.body':
      'Hei {name},\n\n{org} har en frist {when}:\n\n{title} – {date}\n\n{why}\n\nRegel: {rule}\n\nSe hele årshjulet: {link}\n\nDu får denne e-posten fordi du har bedt om påminnelser om fristene til {org} i Frivillig.\nSlutt å få påminnelser: {unsubscribe}\n',
    // unsubscribe page
    'calendar.unsubscribe.title': 'Slutt å få påminnelser',
    'calendar.unsubscribe.lead': 'Vil du slutte å få påminnelser på e-post om fristene til {name}?',
    'calendar.unsubscribe.confirm': 'Ja, slutt å sende meg påminnelser',
    'calendar.unsubscribe.doneTitle': 'Du får ikke flere påminnelser',
    'calendar.unsubscribe.done':
      'Vi sender deg ikke flere påminnelser om fristene til {name}. Du kan slå dem på igjen i årshjulet i arbeidsrommet.',
    // audit log
    'audit.calendar.feed_created': 'Laget en abonnementsadresse for årshjulet',
    'audit.calendar.feed_rotated': 'Laget en ny abonnementsadresse for årshjulet; den gamle ble slått av',
    'audit.calendar.reminders_on': '{name} slo på påminnelser om frister',
    'audit.calendar.reminders_off': '{name} slo av påminnelser om frister',
  },
  nn: {
    'calendar.rule.arsmote.title': 'Siste frist for årsmøtet',
    'calendar.rule.arsmote.why':
      'Årsmøtet skal haldast kvart år, mellom {fromDate} og {meetingDate}. Det handsamar årsmelding og rekneskap og vel styre.',
    'calendar.rule.innkalling.title': 'Send innkalling til årsmøtet',
    'calendar.rule.innkalling.why':
      'Medlemmene skal få innkallinga minst {days} dagar før årsmøtet. Datoen gjeld om de held møtet siste moglege dag, {meetingDate}; held de det tidlegare, må innkallinga også sendast tidlegare.',
    'calendar.rule.forslag.title': 'Frist for forslag frå medlemmene',
    'calendar.rule.forslag.why':
      'Forslag som skal handsamast på årsmøtet, må vere sende til styret minst {days} dagar før møtet. Datoen gjeld om møtet blir halde {meetingDate}.',
    'calendar.rule.sakspapirer.title': 'Gjer sakliste og saksdokument tilgjengelege',
    'calendar.rule.sakspapirer.why':
      'Sakliste og saksdokument skal vere tilgjengelege for medlemmene minst {days} dagar før årsmøtet. Datoen gjeld om møtet blir halde {meetingDate}.',
    'calendar.rule.arsregnskap.title': 'Årsrekneskapen for {accountsYear} skal vere klar',
    'calendar.rule.arsregnskap.titleAudited': 'Revidert årsrekneskap for {accountsYear} skal vere klar',
    'calendar.rule.arsregnskap.why': 'Årsmøtet handsamar rekneskapen for i fjor, så han må liggje ved saksdokumenta.',
    'calendar.rule.arsregnskap.whyAudited':
      'Årsmøtet handsamar den reviderte rekneskapen for i fjor, og vedtektene krev revisjon. Rekneskapen og revisjonen må vere klare når saksdokumenta blir gjorde tilgjengelege, så gi revisor god tid.',
    'calendar.rule.regnskapsregisteret.title': 'Send årsrekneskapen for {accountsYear} til Rekneskapsregisteret',
    'calendar.rule.regnskapsregisteret.why':
      'De har teke på dykk å rapportere årsrekneskapen til Rekneskapsregisteret (skjema RR-0009 «Friv»). Vi har ikkje kunna stadfeste ein fast frist, så datoen er tilrådinga vår: éin månad etter årsmøtet. Sjekk fristen hos Brønnøysundregistra.',
    'calendar.rule.registeroppdatering.title': 'Meld det nye styret til registra',
    'calendar.rule.registeroppdatering.why':
      'Når årsmøtet har valt styre, skal Einingsregisteret og Frivilligregisteret oppdaterast med Samordna registermelding: heile styret og protokollen frå årsmøtet. Det finst ingen fast frist. Vi rår til å gjere det innan {days} dagar etter møtet (her rekna frå siste moglege møtedag, {meetingDate}).',
    'calendar.rule.momskompensasjon.title': 'Søknadsfrist for momskompensasjon',
    'calendar.rule.momskompensasjon.why':
      'Søknaden om kompensasjon for meirverdiavgift for {year} må vere hos Lotteri- og stiftingstilsynet seinast 1. september.',
    'calendar.rule.momskompensasjon.whyMoved':
      'Søknadsfristen for momskompensasjon er 1. september. I {year} er {firstSeptemberDate} ein laurdag, sundag eller heilagdag, så fristen blir flytt til neste yrkedag.',
    'calendar.rule.momskompensasjonFrr.title': 'Organisasjonen må stå i Frivilligregisteret',
    'calendar.rule.momskompensasjonFrr.why':
      'Berre organisasjonar som er registrerte i Frivilligregisteret innan søknadsfristen, kan få momskompensasjon for {year}. De er ikkje registrerte enno. Send registreringa i god tid, for handsaminga tek tid.',
    'calendar.rule.momskompensasjonParaply.title': 'Fristen til paraplyorganisasjonen for momskompensasjon',
    'calendar.rule.momskompensasjonParaply.why':
      'De søkjer gjennom paraplyorganisasjonen (sentralleddet), som har ein eigen frist før fristen hos Lotteri- og stiftingstilsynet ({deadlineDate}). Datoen er den de har gitt opp.',
    'calendar.rule.grasrot.title': 'Utbetaling av grasrotandel',
    'calendar.rule.grasrot.why':
      'Norsk Tipping betaler ut grasrotandelen tre gonger i året: 1. januar, 1. mai og 1. september. Beløp under 300 kroner ventar til neste utbetaling. Pengane går til kontoen som står i Frivilligregisteret, så hald kontonummeret oppdatert.',
    'calendar.rule.politiattest.title': 'Forny politiattest: {label}',
    'calendar.rule.politiattest.why':
      'Politiattesten vart vist fram {shownOnDate}. Lova krev inga fornying, men mange forbund krev ny attest kvart {years}. år, så datoen er ei tilråding. Organisasjonen skal ikkje lagre sjølve attesten, berre kven som vart beden om han, til kva rolle og når han vart vist.',
    'calendar.rule.opplosningVedtak.title': 'Årsmøtet vedtek å løyse opp organisasjonen',
    'calendar.rule.opplosningVedtak.why':
      'Oppløysing blir normalt vedteken av årsmøtet, med det fleirtalet vedtektene krev (ofte 2/3). Vi veit ikkje når vedtaket blir gjort, så vi har rekna med siste frist for neste årsmøte.',
    'calendar.rule.opplosningEkstraordinaert.title': 'Ekstraordinært årsmøte vedtek sletting',
    'calendar.rule.opplosningEkstraordinaert.why':
      'Vedtektene krev to møte: om lag {months} månader etter vedtaket om oppløysing ({decisionDate}) vedtek eit ekstraordinært årsmøte sletting. Tida imellom er avviklingsperioden: gjer opp gjeld, sel eigedelar ved behov og fordel det som er att slik vedtektene seier.',
    'calendar.rule.opplosningSletting.title': 'Meld slettinga til registra',
    'calendar.rule.opplosningSletting.why':
      'Send Samordna registermelding om sletting, med protokollen frå møtet som vedtok ho ({meetingDate}). Det finst ingen fast frist; vi rår til innan {days} dagar.',
    'calendar.kind.deadline': 'Frist',
    'calendar.kind.recommendation': 'Tilrådd dato',
    'calendar.kind.payout': 'Utbetaling',
    'calendar.kind.estimate': 'Anslått dato',
    'calendar.cite.statutes': 'Vedtektene dykkar',
    'calendar.cite.lovnorm': 'Lovnorm for idrettslag § 14 (blir brukt til de har vedtekter i Frivillig)',
    'calendar.cite.rr0009': 'Rekneskapsregisteret, skjema RR-0009 «Friv» (frist ikkje stadfest)',
    'calendar.cite.registermelding': 'Brønnøysundregistra: Samordna registermelding, endring',
    'calendar.cite.momsForskrift': 'Forskrift 23. oktober 2018 nr. 1600 om kompensasjon for meirverdiavgift for frivillige organisasjonar',
    'calendar.cite.umbrella': 'Eigne reglar i paraplyorganisasjonen (gitt opp av dykk)',
    'calendar.cite.grasrot': 'Forskrift 5. desember 2022 nr. 2124 om Grasrotandelen; Norsk Tipping',
    'calendar.cite.politiattest': 'Politiregisterforskrifta § 34-1',
    'calendar.cite.dissolution': 'Altinn: Sletting av ei foreining',
    'calendar.input.annualMeeting': 'frist og varsel for årsmøtet',
    'calendar.input.phase': 'fase i livshendinga',
    'calendar.input.foundedOn': 'skipingsdato',
    'calendar.input.registered': 'registrert i Einingsregisteret',
    'calendar.input.audit': 'revisjon',
    'calendar.input.inFrivillighetsregisteret': 'registrert i Frivilligregisteret',
    'calendar.input.wantsFrivillighetsregisteret': 'ønskjer å stå i Frivilligregisteret',
    'calendar.input.umbrellaMomsDeadline': 'fristen til paraplyorganisasjonen',
    'calendar.input.grasrotandel': 'grasrotmottakar',
    'calendar.input.accountsReportingTakenOn': 'rapporterer årsrekneskap til Rekneskapsregisteret',
    'calendar.input.politiattester': 'politiattestar',
    'calendar.input.dissolutionDecidedOn': 'vedtak om oppløysing',
    'calendar.input.dissolutionSecondMeeting': 'to møte ved oppløysing',
    'calendar.source.enhetsregisteret': 'Einingsregisteret',
    'calendar.source.frivillighetsregisteret': 'Frivilligregisteret',
    'calendar.source.workspace': 'arbeidsrommet',
    'calendar.source.statutes': 'vedtektene',
    'calendar.source.founding-meeting': 'skipingsmøtet',
    'calendar.source.registration': 'registreringa',
    'calendar.source.declared': 'det de har gitt opp',
    'calendar.source.default': 'standardverdi',
    'calendar.inputFrom': '{input} (frå {source})',
    'calendar.title': 'Årshjul',
    'calendar.workspaceLink': 'Årshjul: fristar og påminningar',
    'calendar.lead':
      'Fristane for {name} dei neste tolv månadene, rekna ut frå vedtektene, registra og det de har fortalt oss. Når opplysningane blir endra, blir årshjulet endra.',
    'calendar.basedOnStatutes': 'Fristane for årsmøtet byggjer på vedtektene dykkar (versjon {version}).',
    'calendar.basedOnDefaults':
      'De har ikkje vedtekter i Frivillig enno, så fristane for årsmøtet byggjer på lovnorma for idrettslag: årsmøte innan 31. mars og innkalling minst ein månad før.',
    'calendar.empty':
      'Ingen fristar dei neste tolv månadene. Årshjulet blir fylt når organisasjonen er skipa, eller når de vil stå i Frivilligregisteret.',
    'calendar.listHeading': 'Dei neste tolv månadene',
    'calendar.why': 'Kvifor',
    'calendar.rule': 'Regel',
    'calendar.basedOn': 'Byggjer på',
    'calendar.window': 'Kan haldast frå {fromDate} til {toDate}.',
    'calendar.taskLink': 'Om oppgåva',
    'calendar.count': '{n} fristar',
    'calendar.countOne': '1 frist',
    'calendar.wheel.heading': 'Året som eit hjul',
    'calendar.wheel.desc': 'Eit hjul med dei tolv månadene frå {fromMonth}, og eitt merke for kvar frist. Fristane står i lista over.',
    'calendar.feed.heading': 'Abonner i kalenderen din',
    'calendar.feed.lead':
      'Legg årshjulet inn i Outlook, Google Kalender eller kalenderen på telefonen med ei hemmeleg abonnementsadresse. Kalenderen hentar endringar sjølv. Alle som har adressa, kan sjå fristane, så del ho berre med dei som treng ho.',
    'calendar.feed.none': 'Det er ikkje laga noka abonnementsadresse enno.',
    'calendar.feed.exists':
      'Det finst ei abonnementsadresse, laga {date}. Av omsyn til tryggleiken viser vi ho berre når ho blir laga. Har de mista ho, kan de lage ei ny; den gamle sluttar då å verke.',
    'calendar.feed.create': 'Lag abonnementsadresse',
    'calendar.feed.rotate': 'Lag ny adresse og slå av den gamle',
    'calendar.feed.askLeader': 'Be ein leiar i organisasjonen om abonnementsadressa.',
    'calendar.feed.newUrl': 'Abonnementsadressa',
    'calendar.feed.newUrlHint': 'Kopier ho no: vi viser ho berre denne eine gongen.',
    'calendar.feed.webcal': 'Opne adressa i kalenderprogrammet',
    'calendar.feed.created': 'Abonnementsadressa er laga.',
    'calendar.feed.rotated': 'Den nye abonnementsadressa er laga. Den gamle verkar ikkje lenger.',
    'calendar.feed.name': 'Årshjul – {name}',
    'calendar.feed.description': 'Fristar for {name} frå Frivillig',
    'calendar.feed.ruleLine': 'Regel: {rule}',
    'calendar.feed.moreLine': 'Årshjulet i Frivillig: {url}',
    'calendar.reminders.heading': 'Påminningar på e-post',
    'calendar.reminders.lead': 'Få ein e-post {days} dagar før kvar frist.',
    'calendar.reminders.on': 'Du får påminningar på e-post til {email}.',
    'calendar.reminders.off': 'Du får ikkje påminningar på e-post.',
    'calendar.reminders.subscribe': 'Send meg påminningar',
    'calendar.reminders.unsubscribe': 'Slutt å sende meg påminningar',
    'calendar.reminders.noEmail': 'Du har inga e-postadresse hos oss, så vi kan ikkje sende deg påminningar.',
    'calendar.reminders.subscribed': 'Du får no påminningar om fristane til {name}.',
    'calendar.reminders.unsubscribed': 'Du får ikkje lenger påminningar om fristane til {name}.',
    'calendar.reminders.and': 'og',
    'calendar.reminders.invalid': 'Vel om du vil ha påminningar eller ikkje.',
    'calendar.email.subject': 'Påminning: {title} – {date}',
    'calendar.email.inDays': 'om {days} dagar',
    'calendar.email.inOneDay': 'i morgon',
    'calendar.email.today': 'i dag',
    'calendar.email.body':
      'Hei {name},\n\n{org} har ein frist {when}:\n\n{title} – {date}\n\n{why}\n\nRegel: {rule}\n\nSjå heile årshjulet: {link}\n\nDu får denne e-posten fordi du har bede om påminningar om fristane til {org} i Frivillig.\nSlutt å få påminningar: {unsubscribe}\n',
    'calendar.unsubscribe.title': 'Slutt å få påminningar',
    'calendar.unsubscribe.lead': 'Vil du slutte å få påminningar på e-post om fristane til {name}?',
    'calendar.unsubscribe.confirm': 'Ja, slutt å sende meg påminningar',
    'calendar.unsubscribe.doneTitle': 'Du får ikkje fleire påminningar',
    'calendar.unsubscribe.done':
      'Vi sender deg ikkje fleire påminningar om fristane til {name}. Du kan slå dei på att i årshjulet i arbeidsrommet.',
    'audit.calendar.feed_created': 'Laga ei abonnementsadresse for årshjulet',
    'audit.calendar.feed_rotated': 'Laga ei ny abonnementsadresse for årshjulet; den gamle vart slått av',
    'audit.calendar.reminders_on': '{name} slo på påminningar om fristar',
    'audit.calendar.reminders_off': '{name} slo av påminningar om fristar',
  },
  en: {
    'calendar.title': 'Annual calendar',
    'calendar.workspaceLink': 'Annual calendar: deadlines and reminders',
    'calendar.listHeading': 'The next twelve months',
    'calendar.why': 'Why',
    'calendar.rule': 'Rule',
    'calendar.basedOn': 'Based on',
    'calendar.kind.deadline': 'Deadline',
    'calendar.kind.recommendation': 'Recommended date',
    'calendar.kind.payout': 'Payout',
    'calendar.kind.estimate': 'Estimated date',
  },
});

export type CalendarKey = keyof typeof calendarMessages.nb;
