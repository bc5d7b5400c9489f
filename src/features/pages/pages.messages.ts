import { defineMessages } from '../../core/i18n/i18n.ts';

export const pagesMessages = defineMessages({
  nb: {
    'home.title': 'Starte og drive en frivillig organisasjon',
    'home.lead':
      'Frivillig hjelper lag og foreninger gjennom hele livet til organisasjonen – fra idé til avvikling. Du gir opplysningene én gang, og vi henter resten fra registrene.',
    'home.start': 'Kom i gang',
    'home.myOrganisations': 'Gå til organisasjonene dine',
    'home.phasesTitle': 'Livshendelsen i seks faser',
    'home.phasesLead':
      'Livshendelsen «Starte og drive en frivillig organisasjon» har seks faser. Frivillig følger organisasjonen gjennom alle.',
    'home.gainsTitle': 'Hva du får',
    'home.gain1': 'Mindre papirarbeid for styret',
    'home.gain2': 'Opplysninger hentes fra Enhetsregisteret og Frivillighetsregisteret, så du slipper å gi dem igjen',
    'home.gain3': 'Frister og oppgaver samlet i én plan',
    'phase.1.title': 'Idé og utprøving',
    'phase.1.body': 'Dere har en idé og vil prøve den ut. Finn andre som gjør noe lignende, og finn ut om dere trenger å registrere dere.',
    'phase.2.title': 'Starte',
    'phase.2.body': 'Lag vedtekter, hold stiftelsesmøte og registrer organisasjonen i Enhetsregisteret og Frivillighetsregisteret.',
    'phase.3.title': 'Drive',
    'phase.3.body': 'Hold årsmøte, før regnskap, oppdater registrene og søk om momskompensasjon og grasrotandel.',
    'phase.4.title': 'Bli med og rekruttere',
    'phase.4.body': 'Ta imot nye medlemmer og frivillige, og sørg for politiattest der det trengs.',
    'phase.5.title': 'Utvikle og slå sammen',
    'phase.5.body': 'Endre vedtekter, samarbeid med andre eller slå dere sammen med en annen organisasjon.',
    'phase.6.title': 'Avvikle eller overdra',
    'phase.6.body': 'Vedta oppløsning, fordel eiendelene etter vedtektene og slett organisasjonen i registrene.',
    'phase.label': 'Fase {n}',
    'about.title': 'Om Frivillig',
    'about.body1':
      'Frivillig er en offentlig tjeneste for livshendelsen «Starte og drive en frivillig organisasjon». Den bygger på arbeidet til Brønnøysundregistrene, Kulturdepartementet, Norges innsamlingsråd og Frivillighet Norge.',
    'about.body2':
      'Målet er mindre papirarbeid for organisasjonene og for det offentlige, at det offentlige henter opplysninger fra registrene i stedet for å spørre på nytt, og at tilskudd og virkemidler treffer bedre.',
    'about.body3': 'Frivillig er åpen kildekode. Sivilsamfunnet kommer først, og tjenesten utvikles sammen med brukerne.',
    'privacy.title': 'Personvernerklæring',
    'privacy.controller': 'Behandlingsansvarlig',
    'privacy.controllerBody': 'Virksomheten som drifter denne installasjonen av Frivillig er behandlingsansvarlig.',
    'privacy.what': 'Hvilke opplysninger vi behandler',
    'privacy.whatBody':
      'Navn og e-postadresse når du logger inn, hvilke organisasjoner du er med i og hvilken rolle du har, og en logg over endringer du gjør. Fødselsnummer lagres kryptert, vises maskert og slettes når det ikke lenger trengs.',
    'privacy.why': 'Hvorfor',
    'privacy.whyBody':
      'For å la deg arbeide på vegne av organisasjonen din, og for å kunne vise hvem som har endret hva. Registeropplysninger om organisasjoner er offentlige og hentes fra Brønnøysundregistrene.',
    'privacy.cookies': 'Informasjonskapsler',
    'privacy.cookiesBody':
      'Vi bruker bare nødvendige informasjonskapsler: én for innloggingen, én som beskytter skjemaer mot forfalskede forespørsler, og én som husker språket du har valgt. Vi bruker ikke analyse- eller sporingsverktøy.',
    'privacy.rights': 'Dine rettigheter',
    'privacy.rightsBody': 'Du har rett til innsyn, retting og sletting. Kontakt den behandlingsansvarlige for å bruke rettighetene dine.',
    'a11y.title': 'Tilgjengelighetserklæring',
    'a11y.body1': 'Frivillig skal oppfylle kravene i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever.',
    'a11y.body2':
      'Vi tester hver side automatisk med axe, og vi tester at tjenesten kan brukes med tastatur, på smale skjermer (320 piksler) og uten JavaScript.',
    'a11y.feedback': 'Tilbakemelding',
    'a11y.feedbackBody':
      'Har du funnet noe som ikke fungerer? Gi beskjed til den som drifter tjenesten. Du kan også klage til Tilsynet for universell utforming av ikt (uutilsynet.no).',
  },
  nn: {
    'home.title': 'Starte og drive ein frivillig organisasjon',
    'home.lead':
      'Frivillig hjelper lag og foreiningar gjennom heile livet til organisasjonen – frå idé til avvikling. Du gir opplysningane éin gong, og vi hentar resten frå registera.',
    'home.start': 'Kom i gang',
    'home.myOrganisations': 'Gå til organisasjonane dine',
    'home.phasesTitle': 'Livshendinga i seks fasar',
    'home.phasesLead':
      'Livshendinga «Starte og drive ein frivillig organisasjon» har seks fasar. Frivillig følgjer organisasjonen gjennom alle.',
    'home.gainsTitle': 'Kva du får',
    'home.gain1': 'Mindre papirarbeid for styret',
    'home.gain2': 'Opplysningar blir henta frå Einingsregisteret og Frivilligregisteret, så du slepp å gi dei på nytt',
    'home.gain3': 'Fristar og oppgåver samla i éin plan',
    'phase.1.title': 'Idé og utprøving',
    'phase.1.body': 'De har ein idé og vil prøve han ut. Finn andre som gjer noko liknande, og finn ut om de treng å registrere dykk.',
    'phase.2.title': 'Starte',
    'phase.2.body': 'Lag vedtekter, hald skipingsmøte og registrer organisasjonen i Einingsregisteret og Frivilligregisteret.',
    'phase.3.title': 'Drive',
    'phase.3.body': 'Hald årsmøte, før rekneskap, oppdater registera og søk om momskompensasjon og grasrotdel.',
    'phase.4.title': 'Bli med og rekruttere',
    'phase.4.body': 'Ta imot nye medlemmer og frivillige, og sørg for politiattest der det trengst.',
    'phase.5.title': 'Utvikle og slå saman',
    'phase.5.body': 'Endre vedtekter, samarbeid med andre eller slå dykk saman med ein annan organisasjon.',
    'phase.6.title': 'Avvikle eller overdra',
    'phase.6.body': 'Vedta oppløysing, fordel eigedelane etter vedtektene og slett organisasjonen i registera.',
    'phase.label': 'Fase {n}',
    'about.title': 'Om Frivillig',
    'about.body1':
      'Frivillig er ei offentleg teneste for livshendinga «Starte og drive ein frivillig organisasjon». Ho byggjer på arbeidet til Brønnøysundregistera, Kulturdepartementet, Noregs innsamlingsråd og Frivilligheit Noreg.',
    'about.body2':
      'Målet er mindre papirarbeid for organisasjonane og for det offentlege, at det offentlege hentar opplysningar frå registera i staden for å spørje på nytt, og at tilskot og verkemiddel treffer betre.',
    'about.body3': 'Frivillig er open kjeldekode. Sivilsamfunnet kjem først, og tenesta blir utvikla saman med brukarane.',
    'privacy.title': 'Personvernerklæring',
    'privacy.controller': 'Behandlingsansvarleg',
    'privacy.controllerBody': 'Verksemda som driftar denne installasjonen av Frivillig, er behandlingsansvarleg.',
    'privacy.what': 'Kva opplysningar vi behandlar',
    'privacy.whatBody':
      'Namn og e-postadresse når du loggar inn, kva organisasjonar du er med i og kva rolle du har, og ein logg over endringar du gjer. Fødselsnummer blir lagra kryptert, vist maskert og sletta når det ikkje lenger trengst.',
    'privacy.why': 'Kvifor',
    'privacy.whyBody':
      'For å la deg arbeide på vegner av organisasjonen din, og for å kunne vise kven som har endra kva. Registeropplysningar om organisasjonar er offentlege og blir henta frå Brønnøysundregistera.',
    'privacy.cookies': 'Informasjonskapslar',
    'privacy.cookiesBody':
      'Vi brukar berre nødvendige informasjonskapslar: éin for innlogginga, éin som vernar skjema mot forfalska førespurnader, og éin som hugsar språket du har valt. Vi brukar ikkje analyse- eller sporingsverktøy.',
    'privacy.rights': 'Rettane dine',
    'privacy.rightsBody': 'Du har rett til innsyn, retting og sletting. Kontakt den behandlingsansvarlege for å bruke rettane dine.',
    'a11y.title': 'Tilgjengelegheitserklæring',
    'a11y.body1': 'Frivillig skal oppfylle krava i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løysingar krev.',
    'a11y.body2':
      'Vi testar kvar side automatisk med axe, og vi testar at tenesta kan brukast med tastatur, på smale skjermar (320 pikslar) og utan JavaScript.',
    'a11y.feedback': 'Tilbakemelding',
    'a11y.feedbackBody':
      'Har du funne noko som ikkje fungerer? Gi beskjed til den som driftar tenesta. Du kan også klage til Tilsynet for universell utforming av ikt (uutilsynet.no).',
  },
  en: {
    'home.title': 'Starting and running a voluntary organisation',
    'home.lead':
      'Frivillig helps clubs and associations through the whole life of the organisation – from idea to winding down. You give information once; we fetch the rest from the registers.',
    'home.start': 'Get started',
    'home.myOrganisations': 'Go to your organisations',
    'home.phasesTitle': 'The life event in six phases',
    'home.phasesLead':
      'The life event “Starting and running a voluntary organisation” has six phases. Frivillig follows the organisation through all of them.',
    'home.gainsTitle': 'What you get',
    'home.gain1': 'Less paperwork for the board',
    'home.gain2':
      'Information is fetched from the Central Coordinating Register and the Register of Non-Profit Organisations, so you need not give it again',
    'home.gain3': 'Deadlines and tasks in one plan',
    'phase.1.title': 'Idea and trying out',
    'phase.1.body': 'You have an idea and want to try it. Find others doing something similar, and find out whether you need to register.',
    'phase.2.title': 'Starting',
    'phase.2.body': 'Write statutes, hold the founding meeting and register the organisation.',
    'phase.3.title': 'Running',
    'phase.3.body': 'Hold the annual meeting, keep accounts, update the registers and apply for VAT compensation and the grassroots share.',
    'phase.4.title': 'Joining and recruiting',
    'phase.4.body': 'Welcome new members and volunteers, and obtain police certificates where needed.',
    'phase.5.title': 'Developing and merging',
    'phase.5.body': 'Change the statutes, work with others or merge with another organisation.',
    'phase.6.title': 'Winding down or transferring',
    'phase.6.body': 'Decide to dissolve, distribute assets according to the statutes and delete the organisation from the registers.',
    'phase.label': 'Phase {n}',
    'about.title': 'About Frivillig',
    'privacy.title': 'Privacy statement',
    'a11y.title': 'Accessibility statement',
  },
});
