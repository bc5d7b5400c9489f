import { kommuneName } from '../../core/validators/kommunenummer.ts';
import type { StatutesAnswers } from './statutes.answers.ts';

/**
 * The standard statutes template (vedtekter) in bokmål and nynorsk. The wording follows the common
 * lovnorm-style statutes (domain brief §5.4): numbered paragraphs, the årsmøte as the highest authority,
 * the board, signatures, accounts, amendments and dissolution. What the registers require is always
 * present: name, the municipality, purpose (brief §4.1) and — when the group says so — that the
 * organisation is selveiende and not profit-based, with no distribution to members (brief §2.1, §5.7).
 *
 * The template is plain data and functions of the answers so the text, the HTML/PDF document
 * (statutes.documents.ts) and the diff between versions all come from one place.
 */

export type StatutesLanguage = 'nb' | 'nn';

export type StatutesPart = { kind: 'paragraph'; text: string } | { kind: 'list'; intro?: string; items: string[] };

export interface StatutesSection {
  number: number;
  heading: string;
  parts: StatutesPart[];
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "a", "a og b", "a, b og c" — the same in both written standards. */
function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}

/** Free-text answers are used inside sentences: no trailing full stop, no surrounding whitespace. */
function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/u, '');
}

/** A free-text paragraph (the purpose) ends with a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function kommuneLabel(kommunenummer: string): string {
  return kommuneName(kommunenummer) ?? kommunenummer;
}

interface Wording {
  title: (name: string) => string;
  headings: Record<
    | 'name'
    | 'purpose'
    | 'form'
    | 'membership'
    | 'voting'
    | 'fee'
    | 'annualMeeting'
    | 'annualMeetingTasks'
    | 'extraordinary'
    | 'board'
    | 'signature'
    | 'accounts'
    | 'amendments'
    | 'dissolution',
    string
  >;
  name: (name: string, kommune: string) => string[];
  form: (selveiende: boolean) => string[];
  membership: (openTo: string) => string[];
  voting: (m: StatutesAnswers['membership']) => string[];
  fee: (by: StatutesAnswers['feeSetBy']) => string[];
  annualMeeting: (am: StatutesAnswers['annualMeeting']) => string[];
  tasksIntro: string;
  tasks: (a: StatutesAnswers) => string[];
  extraordinary: string[];
  board: (b: StatutesAnswers['board']) => string[];
  signature: Record<StatutesAnswers['signature'], string>;
  accounts: (audit: StatutesAnswers['audit']) => string[];
  majority: Record<'simple' | 'two-thirds' | 'three-quarters', string>;
  amendments: (majority: string) => string[];
  dissolution: (d: StatutesAnswers['dissolution'], majority: string, selveiende: boolean) => string[];
}

const NB: Wording = {
  title: (name) => `Vedtekter for ${name}`,
  headings: {
    name: 'Navn',
    purpose: 'Formål',
    form: 'Organisasjonsform',
    membership: 'Medlemskap',
    voting: 'Stemmerett og valgbarhet',
    fee: 'Kontingent',
    annualMeeting: 'Årsmøtet',
    annualMeetingTasks: 'Årsmøtets oppgaver',
    extraordinary: 'Ekstraordinært årsmøte',
    board: 'Styret',
    signature: 'Signatur',
    accounts: 'Regnskap og revisjon',
    amendments: 'Vedtektsendringer',
    dissolution: 'Oppløsning',
  },
  name: (name, kommune) => [`Foreningens navn er ${name}.`, `Foreningen har sitt sete i ${kommune} kommune.`],
  form: (selveiende) =>
    selveiende
      ? [
          'Foreningen er en selveiende og frittstående juridisk person med medlemmer og demokratisk oppbygning. Foreningen er ikke fortjenestebasert.',
          'Medlemmene har ikke krav på foreningens midler, overskudd eller formue, og foreningen kan ikke dele ut midler til medlemmene.',
        ]
      : ['Foreningen er en juridisk person med medlemmer og demokratisk oppbygning.'],
  membership: (openTo) => [
    `Medlemskap i foreningen er åpent for ${clause(openTo)}.`,
    'Utmelding skal skje skriftlig og har virkning når den er mottatt.',
  ],
  voting: (m) => {
    const conditions: string[] = [];
    if (m.votingMinimumAge > 0) conditions.push(`ha fylt ${m.votingMinimumAge} år`);
    if (m.votingMinimumMonths > 0)
      conditions.push(`ha vært medlem i minst ${m.votingMinimumMonths} ${m.votingMinimumMonths === 1 ? 'måned' : 'måneder'}`);
    if (m.feeRequiredToVote) conditions.push('ha betalt kontingent');
    return [
      conditions.length === 0
        ? 'Alle medlemmer har stemmerett på årsmøtet og er valgbare.'
        : `For å ha stemmerett på årsmøtet og være valgbart må medlemmet ${joinList(conditions)}.`,
      'Hvert medlem har én stemme. Det er ikke anledning til å stemme ved fullmakt.',
    ];
  },
  fee: (by) => [by === 'arsmote' ? 'Kontingenten fastsettes av årsmøtet.' : 'Kontingenten fastsettes av styret.'],
  annualMeeting: (am) =>
    [
      `Årsmøtet er foreningens høyeste myndighet og holdes hvert år innen ${am.deadlineDay}. ${monthName(am.deadlineMonth)}.`,
      `Styret kaller inn til årsmøtet med minst ${am.noticeDays} dagers varsel, direkte til medlemmene eller på annen forsvarlig måte, for eksempel på foreningens nettside.`,
      am.proposalsDays > 0
        ? `Forslag som skal behandles på årsmøtet, må være sendt til styret senest ${am.proposalsDays} dager før årsmøtet.`
        : null,
      am.papersDays > 0
        ? `Saklisten og andre nødvendige dokumenter må være tilgjengelige for medlemmene senest ${am.papersDays} dager før årsmøtet.`
        : null,
      'Årsmøtet er vedtaksført når det er lovlig innkalt. Vedtak fattes med alminnelig flertall av de avgitte stemmene, om ikke annet går fram av disse vedtektene. Blanke stemmer regnes som ikke avgitt.',
      'Årsmøtet kan bare behandle saker som står på saklisten.',
    ].filter((p): p is string => p !== null),
  tasksIntro: 'Årsmøtet skal:',
  tasks: (a) =>
    [
      'godkjenne innkallingen og saklisten',
      'velge møteleder, referent og to personer til å underskrive protokollen',
      'behandle foreningens årsberetning',
      a.audit === 'none' ? 'behandle foreningens regnskap' : 'behandle foreningens reviderte regnskap',
      'behandle innkomne forslag',
      a.feeSetBy === 'arsmote' ? 'fastsette kontingenten' : null,
      'vedta budsjett',
      'velge leder og øvrige styremedlemmer',
      a.audit === 'elected' ? 'velge revisor eller kontrollutvalg' : a.audit === 'registered-auditor' ? 'velge revisor' : null,
      'velge valgkomité',
    ].filter((p): p is string => p !== null),
  extraordinary: [
    'Ekstraordinært årsmøte holdes når styret vedtar det, eller når minst en tredjedel av de stemmeberettigede medlemmene krever det.',
    'Det kalles inn med minst 14 dagers varsel og kan bare behandle de sakene som står i innkallingen.',
  ],
  board: (b) => [
    `Foreningen ledes av et styre som velges av årsmøtet. Styret har ${
      b.minMembers === b.maxMembers ? `${b.minMembers}` : `fra ${b.minMembers} til ${b.maxMembers}`
    } medlemmer, medregnet leder. Styremedlemmene velges for ${b.termYears} år om gangen.`,
    'Styret leder foreningen mellom årsmøtene, forvalter foreningens midler og sørger for at det føres regnskap.',
    'Styret er vedtaksført når mer enn halvparten av styremedlemmene er til stede. Ved stemmelikhet er lederens stemme avgjørende.',
  ],
  signature: {
    'leader-alone': 'Leder har signaturrett alene.',
    'leader-and-one-board-member': 'Foreningen forpliktes ved underskrift av leder og ett styremedlem i fellesskap.',
    'two-board-members': 'Foreningen forpliktes ved underskrift av to styremedlemmer i fellesskap.',
    'board-jointly': 'Foreningen forpliktes ved underskrift av samlet styre.',
  },
  accounts: (audit) =>
    [
      'Styret sørger for at foreningen fører regnskap og legger det fram for årsmøtet.',
      audit === 'elected'
        ? 'Regnskapet skal revideres av en revisor eller et kontrollutvalg valgt av årsmøtet.'
        : audit === 'registered-auditor'
          ? 'Regnskapet skal revideres av en registrert eller statsautorisert revisor valgt av årsmøtet.'
          : null,
    ].filter((p): p is string => p !== null),
  majority: {
    simple: 'alminnelig flertall av de avgitte stemmene',
    'two-thirds': '2/3 flertall av de avgitte stemmene',
    'three-quarters': '3/4 flertall av de avgitte stemmene',
  },
  amendments: (majority) => [
    `Endringer i vedtektene kan bare vedtas på ordinært eller ekstraordinært årsmøte etter å ha stått på saklisten, og krever ${majority}.`,
  ],
  dissolution: (d, majority, selveiende) =>
    [
      `Oppløsning av foreningen kan bare behandles på årsmøtet og krever ${majority}.`,
      d.requiresSecondMeeting
        ? 'Vedtaket må bekreftes med samme flertall på et ekstraordinært årsmøte som holdes tidligst tre måneder senere.'
        : null,
      `Ved oppløsning skal gjelden betales først. Foreningens gjenværende midler skal gå til ${clause(d.assetsTo)}.${
        selveiende ? ' Midlene kan ikke deles ut til medlemmene.' : ''
      }`,
    ].filter((p): p is string => p !== null),
};

const NN: Wording = {
  title: (name) => `Vedtekter for ${name}`,
  headings: {
    name: 'Namn',
    purpose: 'Føremål',
    form: 'Organisasjonsform',
    membership: 'Medlemskap',
    voting: 'Stemmerett og valbarheit',
    fee: 'Kontingent',
    annualMeeting: 'Årsmøtet',
    annualMeetingTasks: 'Oppgåvene til årsmøtet',
    extraordinary: 'Ekstraordinært årsmøte',
    board: 'Styret',
    signature: 'Signatur',
    accounts: 'Rekneskap og revisjon',
    amendments: 'Vedtektsendringar',
    dissolution: 'Oppløysing',
  },
  name: (name, kommune) => [`Namnet til foreininga er ${name}.`, `Foreininga har sete i ${kommune} kommune.`],
  form: (selveiende) =>
    selveiende
      ? [
          'Foreininga er ein sjølveigande og frittståande juridisk person med medlemer og demokratisk oppbygnad. Foreininga er ikkje fortenestebasert.',
          'Medlemene har ikkje krav på midlane, overskotet eller formuen til foreininga, og foreininga kan ikkje dele ut midlar til medlemene.',
        ]
      : ['Foreininga er ein juridisk person med medlemer og demokratisk oppbygnad.'],
  membership: (openTo) => [
    `Medlemskap i foreininga er ope for ${clause(openTo)}.`,
    'Utmelding skal skje skriftleg og har verknad når ho er motteken.',
  ],
  voting: (m) => {
    const conditions: string[] = [];
    if (m.votingMinimumAge > 0) conditions.push(`ha fylt ${m.votingMinimumAge} år`);
    if (m.votingMinimumMonths > 0)
      conditions.push(`ha vore medlem i minst ${m.votingMinimumMonths} ${m.votingMinimumMonths === 1 ? 'månad' : 'månader'}`);
    if (m.feeRequiredToVote) conditions.push('ha betalt kontingent');
    return [
      conditions.length === 0
        ? 'Alle medlemene har stemmerett på årsmøtet og er valbare.'
        : `For å ha stemmerett på årsmøtet og vere valbart må medlemmet ${joinList(conditions)}.`,
      'Kvart medlem har éi stemme. Det er ikkje høve til å stemme ved fullmakt.',
    ];
  },
  fee: (by) => [by === 'arsmote' ? 'Kontingenten blir fastsett av årsmøtet.' : 'Kontingenten blir fastsett av styret.'],
  annualMeeting: (am) =>
    [
      `Årsmøtet er den høgaste styresmakta i foreininga og blir halde kvart år innan ${am.deadlineDay}. ${monthName(am.deadlineMonth)}.`,
      `Styret kallar inn til årsmøtet med minst ${am.noticeDays} dagars varsel, direkte til medlemene eller på annan forsvarleg måte, til dømes på nettsida til foreininga.`,
      am.proposalsDays > 0
        ? `Forslag som skal handsamast på årsmøtet, må vere sende til styret seinast ${am.proposalsDays} dagar før årsmøtet.`
        : null,
      am.papersDays > 0
        ? `Saklista og andre naudsynte dokument må vere tilgjengelege for medlemene seinast ${am.papersDays} dagar før årsmøtet.`
        : null,
      'Årsmøtet er vedtaksført når det er lovleg innkalla. Vedtak blir gjorde med alminneleg fleirtal av dei avgitte stemmene, om ikkje anna går fram av desse vedtektene. Blanke stemmer blir rekna som ikkje avgitte.',
      'Årsmøtet kan berre handsame saker som står på saklista.',
    ].filter((p): p is string => p !== null),
  tasksIntro: 'Årsmøtet skal:',
  tasks: (a) =>
    [
      'godkjenne innkallinga og saklista',
      'velje møteleiar, referent og to personar til å skrive under protokollen',
      'handsame årsmeldinga til foreininga',
      a.audit === 'none' ? 'handsame rekneskapen til foreininga' : 'handsame den reviderte rekneskapen til foreininga',
      'handsame innkomne forslag',
      a.feeSetBy === 'arsmote' ? 'fastsetje kontingenten' : null,
      'vedta budsjett',
      'velje leiar og andre styremedlemer',
      a.audit === 'elected' ? 'velje revisor eller kontrollutval' : a.audit === 'registered-auditor' ? 'velje revisor' : null,
      'velje valkomité',
    ].filter((p): p is string => p !== null),
  extraordinary: [
    'Ekstraordinært årsmøte blir halde når styret vedtek det, eller når minst ein tredjedel av dei stemmeføre medlemene krev det.',
    'Det blir kalla inn med minst 14 dagars varsel og kan berre handsame dei sakene som står i innkallinga.',
  ],
  board: (b) => [
    `Foreininga blir leidd av eit styre som blir valt av årsmøtet. Styret har ${
      b.minMembers === b.maxMembers ? `${b.minMembers}` : `frå ${b.minMembers} til ${b.maxMembers}`
    } medlemer, medrekna leiaren. Styremedlemene blir valde for ${b.termYears} år om gongen.`,
    'Styret leier foreininga mellom årsmøta, forvaltar midlane til foreininga og syter for at det blir ført rekneskap.',
    'Styret er vedtaksført når meir enn halvparten av styremedlemene er til stades. Ved likt stemmetal er stemma til leiaren avgjerande.',
  ],
  signature: {
    'leader-alone': 'Leiaren har signaturrett åleine.',
    'leader-and-one-board-member': 'Foreininga blir forplikta ved underskrift av leiaren og eitt styremedlem i fellesskap.',
    'two-board-members': 'Foreininga blir forplikta ved underskrift av to styremedlemer i fellesskap.',
    'board-jointly': 'Foreininga blir forplikta ved underskrift av heile styret saman.',
  },
  accounts: (audit) =>
    [
      'Styret syter for at foreininga fører rekneskap og legg han fram for årsmøtet.',
      audit === 'elected'
        ? 'Rekneskapen skal reviderast av ein revisor eller eit kontrollutval valt av årsmøtet.'
        : audit === 'registered-auditor'
          ? 'Rekneskapen skal reviderast av ein registrert eller statsautorisert revisor valt av årsmøtet.'
          : null,
    ].filter((p): p is string => p !== null),
  majority: {
    simple: 'alminneleg fleirtal av dei avgitte stemmene',
    'two-thirds': '2/3 fleirtal av dei avgitte stemmene',
    'three-quarters': '3/4 fleirtal av dei avgitte stemmene',
  },
  amendments: (majority) => [
    `Endringar i vedtektene kan berre vedtakast på ordinært eller ekstraordinært årsmøte etter å ha stått på saklista, og krev ${majority}.`,
  ],
  dissolution: (d, majority, selveiende) =>
    [
      `Oppløysing av foreininga kan berre handsamast på årsmøtet og krev ${majority}.`,
      d.requiresSecondMeeting
        ? 'Vedtaket må stadfestast med same fleirtal på eit ekstraordinært årsmøte som blir halde tidlegast tre månader seinare.'
        : null,
      `Ved oppløysing skal gjelda betalast først. Dei attverande midlane til foreininga skal gå til ${clause(d.assetsTo)}.${
        selveiende ? ' Midlane kan ikkje delast ut til medlemene.' : ''
      }`,
    ].filter((p): p is string => p !== null),
};

const WORDING: Record<StatutesLanguage, Wording> = { nb: NB, nn: NN };

/** The statutes' language for a document language: there is no English template, so English gets bokmål. */
export function statutesLanguageOf(lang: string): StatutesLanguage {
  return lang === 'nn' ? 'nn' : 'nb';
}

export function statutesTitle(answers: Pick<StatutesAnswers, 'name'>, lang: StatutesLanguage): string {
  return WORDING[lang].title(answers.name.trim());
}

/** The statutes as numbered sections (§ 1 …), in the chosen language. */
export function statutesSections(a: StatutesAnswers, lang: StatutesLanguage): StatutesSection[] {
  const w = WORDING[lang];
  const paragraphs = (texts: string[]): StatutesPart[] => texts.map((text) => ({ kind: 'paragraph', text }));
  const sections: Omit<StatutesSection, 'number'>[] = [
    { heading: w.headings.name, parts: paragraphs(w.name(a.name.trim(), kommuneLabel(a.kommunenummer))) },
    { heading: w.headings.purpose, parts: paragraphs([sentence(a.purpose)]) },
    { heading: w.headings.form, parts: paragraphs(w.form(a.selveiende)) },
    { heading: w.headings.membership, parts: paragraphs(w.membership(a.membership.openTo)) },
    { heading: w.headings.voting, parts: paragraphs(w.voting(a.membership)) },
    { heading: w.headings.fee, parts: paragraphs(w.fee(a.feeSetBy)) },
    { heading: w.headings.annualMeeting, parts: paragraphs(w.annualMeeting(a.annualMeeting)) },
    { heading: w.headings.annualMeetingTasks, parts: [{ kind: 'list', intro: w.tasksIntro, items: w.tasks(a) }] },
    { heading: w.headings.extraordinary, parts: paragraphs(w.extraordinary) },
    { heading: w.headings.board, parts: paragraphs(w.board(a.board)) },
    { heading: w.headings.signature, parts: paragraphs([w.signature[a.signature]]) },
    { heading: w.headings.accounts, parts: paragraphs(w.accounts(a.audit)) },
    { heading: w.headings.amendments, parts: paragraphs(w.amendments(w.majority[a.amendmentMajority])) },
    {
      heading: w.headings.dissolution,
      parts: paragraphs(w.dissolution(a.dissolution, w.majority[a.dissolution.majority], a.selveiende)),
    },
  ];
  return sections.map((s, i) => ({ number: i + 1, ...s }));
}

export function sectionHeading(section: Pick<StatutesSection, 'number' | 'heading'>): string {
  return `§ ${section.number} ${section.heading}`;
}

/**
 * The statutes as plain text: the title, then each "§ n Heading" and its paragraphs, blocks separated
 * by a blank line (the diff compares versions block by block). List items are numbered "1. …".
 */
export function statutesText(a: StatutesAnswers, lang: StatutesLanguage): string {
  const blocks: string[] = [statutesTitle(a, lang)];
  for (const section of statutesSections(a, lang)) {
    blocks.push(sectionHeading(section));
    for (const part of section.parts) {
      if (part.kind === 'paragraph') blocks.push(part.text);
      else blocks.push([part.intro, ...part.items.map((item, i) => `${i + 1}. ${item}`)].filter(Boolean).join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
