import type { EntityType, QuoteKind, Span } from './types.js';

// The story seen across its sources: the contract in ../shared/schema/comparison.schema.json, plus fields the
// schema allows producers to add (differences, notReportedBy, cue, similarity).

export interface ComparisonArticle {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  lang: string;
  publishedAt: string | null;
  duplicateOf: string | null;
}

export interface ComparisonEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** article id → number of mentions */
  mentions: Record<string, number>;
}

/** A run of words in a variant read against its group's first variant. */
export interface WordChange {
  text: string;
  op: 'same' | 'added' | 'removed';
}

export interface QuoteVariant {
  article: string;
  text: string;
  span: Span;
  kind: QuoteKind;
  lang: string;
  /** Absent when the article does not name who says it. */
  speakerSurface?: string;
  cue: string | null;
  /** Similarity to the group's first variant (1 for the first). */
  similarity: number;
  /** Word-level changes against the group's first variant, when both are in the same language. */
  changes?: WordChange[];
}

export interface QuoteGroup {
  id: string;
  speaker: { entity: string | null; name: string };
  variants: QuoteVariant[];
}

export interface FactValue {
  value: number;
  unit: string | null;
  approximate: boolean;
  text: string;
}

export interface FactSupport {
  article: string;
  text: string;
  span: Span;
  attribution: string | null;
  attributionEntity: string | null;
  /** Every entity of a joint source ("Moscow and Pyongyang"), canonical; absent for one source. */
  attributionEntities?: string[];
  values: FactValue[];
}

export interface FactDifference {
  kind: 'value' | 'attribution' | 'approximation' | 'time' | 'place';
  /** Human-readable account, e.g. "Washington vs U.S. Secretary of State Antony Blinken". */
  detail: string;
  /** Per article, what it says on this point. */
  byArticle: Record<string, string>;
  /** For attribution differences: the sources belong to one side (a capital and that country's minister). */
  sameAffiliation?: boolean;
}

export interface Fact {
  id: string;
  summary: string;
  status: 'consensus' | 'unique' | 'conflict';
  support: FactSupport[];
  differences: FactDifference[];
  /** Independent sources in the story that do not carry this fact. */
  notReportedBy: string[];
  /** The article that published this fact first, when two or more carry it and their dates tell. */
  firstReportedBy: string | null;
}

/** What one source carries of the story. */
export interface SourceCoverage {
  article: string;
  entities: string[];
  quotes: string[];
  facts: string[];
  /** Facts this source published before any other. */
  first: string[];
}

export interface Comparison {
  story: { id: string; title: string; languages: string[] };
  articles: ComparisonArticle[];
  entities: ComparisonEntity[];
  quotes: QuoteGroup[];
  facts: Fact[];
  framing: { article: string; terms: string[] }[];
  coverage: SourceCoverage[];
}
