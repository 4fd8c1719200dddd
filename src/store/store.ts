import type { AnalyzedArticle, Article, Entity } from '../model/types.js';
import type { StoryState } from '../stories/cluster.js';

/** A story as listed: its record without the centroid, and its articles. */
export interface StorySummary extends Omit<StoryState, 'centroid'> {
  articles: Pick<Article, 'id' | 'url' | 'title' | 'outlet' | 'lang' | 'duplicateOf' | 'publishedAt'>[];
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  stories: number;
  entities: number;
  quotes: number;
  claims: number;
}

/** What is written for one article, in one transaction: the article, its analysis, and its story's new state. */
export interface ArticleWrite {
  analyzed: AnalyzedArticle;
  story: StoryState;
  /** Clustering features of the article, counted into the document frequencies. */
  features: string[];
}

/**
 * Persistence behind every interface. Implementations: SQLite (embedded default). Methods are async so that a
 * networked database fits the same contract.
 */
export interface Store {
  hasArticle(id: string): Promise<boolean>;
  /** The id of an already-stored article with the same content hash, or within `maxDistance` SimHash bits. */
  findDuplicate(contentHash: string, fingerprint: string, maxDistance: number): Promise<string | null>;
  storyOf(articleId: string): Promise<StoryState | null>;
  /** Ids and last activity of the stories active since `since`, most recent first (cheap: no centroids). */
  activeStoryIds(since: string, limit: number): Promise<{ id: string; lastSeen: string }[]>;
  /** Full states of the given stories. */
  storyStates(ids: string[]): Promise<StoryState[]>;
  saveArticle(write: ArticleWrite): Promise<void>;
  /** How many stored articles have each of `features`, and how many articles there are. */
  documentFrequencies(features: string[]): Promise<{ documents: number; counts: Map<string, number> }>;
  listStories(): Promise<StorySummary[]>;
  getStory(id: string): Promise<StorySummary | null>;
  storyArticles(id: string): Promise<AnalyzedArticle[]>;
  entity(id: string): Promise<Entity | null>;
  /** Ids of the stories whose articles mention an entity, given by id or by any of its names. */
  storiesMentioning(entity: string): Promise<Set<string>>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
