// Curated map of business terms (several languages) to visual metaphors, and the matcher that finds them in text.
import { foldForMatch, foldWord, type Word } from "./slideText";

/** `subject`: what the scene shows; `setting`: where it is (regions). A brief uses up to two subjects and one setting. */
export type ConceptKind = "subject" | "setting";

/** One concept: the terms that call it up (folded: lower case, no diacritics) and the scene phrase it adds (English, no digits). */
export interface Concept {
  id: string;
  kind: ConceptKind;
  /**
   * Terms that call the concept up, any case, with or without diacritics. A term written in capitals of two letters
   * ("AI", "EU") is an acronym: it matches only a word written in capitals, so French "ai" or Portuguese "eu" do not.
   */
  terms: readonly string[];
  /** Words (folded) that look like a term but are not it: "television" is not "vision". */
  excludes?: readonly string[];
  scene: string;
}

/** A concept as written in the table: terms separated by "|" (one line per concept keeps the table readable). */
interface ConceptRow {
  id: string;
  kind: ConceptKind;
  scene: string;
  terms: string;
  excludes?: string;
}

// prettier-ignore
const ROWS: readonly ConceptRow[] = [
  { id: "growth", kind: "subject", scene: "a young plant climbing a rising staircase of light", terms: "growth|grow|grows|growing|increase|rise|rising|gain|gains|expand|expansion|up|scale|scaling|wachstum|steigerung|croissance|hausse|crecimiento|aumento|crescita|crescimento|groei" },
  { id: "revenue", kind: "subject", scene: "neat stacks of golden coins", terms: "revenue|sales|profit|income|earnings|margin|turnover|bookings|umsatz|gewinn|erlos|chiffre d'affaires|ventes|benefice|ingresos|ventas|beneficio|fatturato|ricavi|receita|vendas|lucro|omzet|winst" },
  { id: "decline", kind: "subject", scene: "a path winding down into a misty valley", terms: "decline|decrease|drop|down|fall|falling|loss|losses|shrink|ruckgang|verlust|baisse|perte|caida|descenso|calo|queda" },
  { id: "cost", kind: "subject", scene: "a carefully balanced brass scale", terms: "cost|costs|budget|spend|spending|savings|expense|expenses|kosten|einsparung|couts|cout|costes|costos|ahorro|costi|custos|kosten|besparing" },
  { id: "investment", kind: "subject", scene: "a sapling growing out of a pile of coins", terms: "investment|invest|funding|capital|investor|investors|investition|investissement|inversion|investimento|financing" },
  { id: "team", kind: "subject", scene: "a diverse group of colleagues working together around a table", terms: "team|people|staff|employees|colleagues|talent|teamwork|hiring|recruiting|workforce|culture|mitarbeiter|belegschaft|equipe|collaborateurs|equipo|empleados|squadra|dipendenti|funcionarios|medewerkers" },
  { id: "customers", kind: "subject", scene: "smiling people welcomed through an open, sunlit door", terms: "customer|customers|client|clients|user|users|consumer|consumers|kunden|kunde|clientele|clientes|cliente|clienti|klanten|customer satisfaction|nps" },
  { id: "security", kind: "subject", scene: "a sturdy shield and padlock guarding a glowing network", terms: "security|secure|cyber|protection|privacy|compliance|gdpr|sicherheit|datenschutz|securite|seguridad|sicurezza|seguranca|beveiliging" },
  { id: "cloud", kind: "subject", scene: "soft white clouds linked by glowing lines to servers below", terms: "cloud|saas|azure|aws|hosting|datacenter|data center|infrastructure|servers|nuage|nube|nuvem|infrastruktur" },
  { id: "data", kind: "subject", scene: "flowing ribbons of light and dots like a constellation", terms: "data|analytics|insights|metrics|kpi|kpis|dashboard|reporting|daten|donnees|datos|dati|dados|gegevens" },
  { id: "ai", kind: "subject", scene: "a luminous abstract network of connected nodes", terms: "AI|artificial intelligence|machine learning|ML|genai|copilot|llm|KI|kunstliche intelligenz|IA|intelligence artificielle|inteligencia artificial|intelligenza artificiale" },
  { id: "timeline", kind: "subject", scene: "a winding road with milestone markers stretching to the horizon", terms: "timeline|roadmap|milestone|milestones|schedule|plan|planning|phases|rollout|zeitplan|meilenstein|meilensteine|calendrier|feuille de route|jalons|cronograma|hoja de ruta|calendario|tabella di marcia|planning" },
  { id: "risk", kind: "subject", scene: "a tightrope walker crossing calmly between two cliffs", terms: "risk|threat|threats|uncertainty|challenge|challenges|issue|issues|risiko|risiken|risque|risques|riesgo|riesgos|rischio|rischi|risco|risico" },
  { id: "strategy", kind: "subject", excludes: "television|provision|supervision|commission|permission|transmission|submission", scene: "a chess board with one piece moving forward", terms: "strategy|strategic|vision|mission|priorities|strategie|strategique|estrategia|strategia|estrategico" },
  { id: "goals", kind: "subject", scene: "an arrow striking the centre of a target", terms: "goal|goals|objective|objectives|target|targets|okr|okrs|ziel|ziele|objectif|objectifs|objetivo|objetivos|obiettivo|obiettivi|doelen" },
  { id: "innovation", kind: "subject", scene: "a glowing light bulb above an open notebook", terms: "innovation|idea|ideas|creativity|invention|brainstorm|idee|ideen|innovacion|innovazione|inovacao|innovatie" },
  { id: "launch", kind: "subject", scene: "a rocket lifting off into a clear dawn sky", terms: "launch|go-live|go live|release|kickoff|kick-off|start-up|startup|lancement|lanzamiento|lancio|lancamento|markteinfuhrung" },
  { id: "partnership", kind: "subject", scene: "two hands meeting in a handshake in front of a bridge", terms: "partner|partners|partnership|alliance|collaboration|merger|acquisition|joint venture|partnerschaft|zusammenarbeit|partenariat|alianza|colaboracion|partnership|parceria|samenwerking" },
  { id: "market", kind: "subject", excludes: "marketing", scene: "runners sprinting side by side on a sunlit track", terms: "market|markets|competition|competitor|competitors|market share|competitive|markt|wettbewerb|marche|concurrence|mercado|competencia|mercato|concorrenza|concorrencia" },
  { id: "sustainability", kind: "subject", scene: "wind turbines on green hills under a clear sky", terms: "sustainability|sustainable|esg|climate|carbon|emissions|net zero|renewable|nachhaltigkeit|klima|durabilite|climat|sostenibilidad|sostenibilita|sustentabilidade|duurzaamheid" },
  { id: "marketing", kind: "subject", scene: "a megaphone sending out colourful waves", terms: "marketing|campaign|campaigns|brand|branding|advertising|social media|awareness|kampagne|campagne|marque|campana|marca|campagna" },
  { id: "learning", kind: "subject", scene: "an open book whose pages turn into birds in flight", terms: "training|learning|onboarding|education|skills|upskilling|schulung|weiterbildung|formation|formacion|formazione|treinamento|opleiding" },
  { id: "process", kind: "subject", scene: "interlocking gears turning smoothly together", terms: "process|processes|efficiency|automation|workflow|workflows|operations|optimization|optimisation|productivity|prozess|prozesse|effizienz|automatisierung|processus|efficacite|procesos|eficiencia|processi|efficienza|processos" },
  { id: "digital", kind: "subject", scene: "a butterfly emerging from a chrysalis of circuit patterns", terms: "digital|digitalisation|digitalization|transformation|modernization|modernisation|digitalisierung|transformacion|numerique|trasformazione|transformacao" },
  { id: "logistics", kind: "subject", scene: "cargo ships and trucks moving along connected routes", terms: "supply chain|logistics|shipping|delivery|inventory|warehouse|procurement|lieferkette|logistik|chaine d'approvisionnement|logistique|cadena de suministro|logistica" },
  { id: "support", kind: "subject", scene: "a helping hand reaching out to lift someone up a step", terms: "support|service|helpdesk|help desk|customer service|assistance|kundendienst|soporte|assistenza|suporte" },
  { id: "quality", kind: "subject", scene: "a craftsperson inspecting a polished gem under a lamp", terms: "quality|excellence|qualitat|qualite|calidad|qualita|qualidade|kwaliteit" },
  { id: "communication", kind: "subject", scene: "speech bubbles drifting between people like paper lanterns", terms: "communication|communications|feedback|engagement|dialogue|kommunikation|comunicacion|comunicazione|comunicacao" },
  { id: "health", kind: "subject", scene: "a calm person stretching in a bright, airy room", terms: "health|wellbeing|well-being|wellness|safety|gesundheit|sante|salud|salute|saude" },
  { id: "emea", kind: "setting", scene: "against a stylised globe turned towards Europe, the Middle East and Africa", terms: "emea" },
  { id: "europe", kind: "setting", scene: "against a stylised globe turned towards Europe", terms: "europe|european|EU|europa|europaisch|europeen|europeo|dach|nordics|benelux|UK|germany|deutschland|france|spain|italy" },
  { id: "apac", kind: "setting", scene: "against a stylised globe turned towards Asia and the Pacific", terms: "apac|asia|asia-pacific|asia pacific|asian|asien|asie|japan|china|india|australia|anz" },
  { id: "americas", kind: "setting", scene: "against a stylised globe turned towards the Americas", terms: "americas|america|north america|latin america|latam|usa|united states|canada|brazil|mexico|amerika|amerique|america latina" },
  { id: "africa", kind: "setting", scene: "against a stylised globe turned towards Africa", terms: "africa|afrika|afrique|mea|middle east" },
  { id: "global", kind: "setting", scene: "around a softly lit globe", terms: "global|globally|worldwide|international|weltweit|mondial|mondiale|mundial|globale" },
];

/**
 * The concept map. Terms of 5 letters or more also match as a prefix ("profit" → "profitability") and, inside a
 * longer word, as a suffix (German compounds: "Umsatzwachstum" → revenue + growth); shorter terms match whole
 * words (and their plural in -s). Multi-word terms match as a phrase.
 */
export const CONCEPTS: readonly Concept[] = ROWS.map((row) => ({
  id: row.id,
  kind: row.kind,
  scene: row.scene,
  terms: row.terms.split("|"),
  ...(row.excludes ? { excludes: row.excludes.split("|") } : {}),
}));

/** A concept found in an item's text, with how strongly. */
export interface ConceptHit {
  concept: Concept;
  /** 3 per occurrence in the title, 1 per occurrence in the body. */
  score: number;
  /** Position of the first occurrence (title words come before body words). */
  firstAt: number;
  /** Positions of the words it consumed (so the writer does not repeat them). */
  at: number[];
}

/** Whether one word matches a single-word term (see {@link CONCEPTS} for the rules). */
function wordMatches(word: Word, term: PreparedTerm): boolean {
  if (term.acronym) return word.text === term.raw || word.text === `${term.raw}s`;
  const w = word.folded;
  const t = term.folded;
  if (w === t || w === `${t}s`) return true;
  if (t.length < 5) return false;
  return w.startsWith(t) || (w.length >= t.length + 3 && w.endsWith(t));
}

interface PreparedTerm {
  raw: string;
  folded: string;
  acronym: boolean;
}

const PREPARED = CONCEPTS.map((concept) => {
  const terms = concept.terms.map((raw) => ({
    raw,
    folded: foldForMatch(raw).replace(/-/gu, " ").split(" ").map(foldWord).join(" "),
    acronym: raw.length <= 2 && raw === raw.toUpperCase(),
  }));
  return {
    concept,
    excludes: new Set(concept.excludes ?? []),
    single: terms.filter((t) => !t.folded.includes(" ")),
    phrases: terms.filter((t) => t.folded.includes(" ")).map((t) => t.folded.split(" ").map((part) => ({ raw: part, folded: part, acronym: false }))),
  };
});

/**
 * Finds the concepts in a run of words. `titleWordCount` words at the start are the title: each occurrence there
 * weighs 3, one in the body 1 (a phrase counts once).
 * @returns hits sorted strongest first: by score, then by first occurrence; deterministic.
 */
export function findConcepts(all: readonly Word[], titleWordCount: number): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const { concept, excludes, single, phrases } of PREPARED) {
    const consumed = new Set<number>();
    const starts = new Set<number>();
    all.forEach((word, i) => {
      if (!excludes.has(word.folded) && single.some((term) => wordMatches(word, term))) {
        consumed.add(i);
        starts.add(i);
      }
    });
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= all.length; i++) {
        const matches = phrase.every((part, j) => (j === phrase.length - 1 ? wordMatches(all[i + j], part) : all[i + j].folded === part.folded));
        if (!matches) continue;
        starts.add(i);
        for (let j = 0; j < phrase.length; j++) consumed.add(i + j);
      }
    }
    if (starts.size === 0) continue;
    const score = [...starts].reduce((sum, i) => sum + (i < titleWordCount ? 3 : 1), 0);
    const at = [...consumed].sort((a, b) => a - b);
    hits.push({ concept, score, firstAt: at[0], at });
  }
  return hits.sort((a, b) => b.score - a.score || a.firstAt - b.firstAt);
}
