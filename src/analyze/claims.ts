import type { Claim, ClaimValue, Mention, Span, TextDoc } from '../model/types.js';
import { findNumbers } from '../text/numbers.js';
import { lexicon } from './lexicon.js';
import type { ResolvedFrame } from './quotes.js';
import { analyzedSentences, sentenceLang } from './words.js';

/**
 * Claims: body sentences that state figures or report what someone said, with their values normalized, who the
 * article attributes them to, and the entities they are about.
 */
export function extractClaims(doc: TextDoc, mentions: Mention[], frames: ResolvedFrame[]): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of analyzedSentences(doc)) {
    const paragraph = doc.paragraphs[doc.sentences[sentence].paragraph];
    if (paragraph.role !== 'body') continue;
    const lang = sentenceLang(doc, sentence);
    const reports = frames.filter((f) => f.sentence === sentence && !f.nested && f.speaker !== null && f.content !== null);
    for (const part of claimParts(doc, sentence, reports)) {
      const [start, end] = part.span;
      const values: ClaimValue[] = findNumbers(doc.text.slice(start, end), start, lexicon(lang)).map((n) => ({
        value: n.value,
        unit: n.unit,
        approximate: n.approximate,
        span: n.span,
        text: n.text,
        ...(n.range[1] !== n.range[0] ? { range: n.range } : {}),
      }));
      const frame = part.frame;
      if (values.length === 0 && !frame) continue;
      const speaker = frame?.speaker;
      const attribution = speaker?.span ? { text: speaker.surface, span: speaker.span, entity: speaker.entity, ...(speaker.entities ? { entities: speaker.entities } : {}) } : null;
      const subjects = [
        ...new Set(
          mentions
            .filter((m) => m.span[0] >= start && m.span[1] <= end && !(attribution && m.span[0] >= attribution.span[0] && m.span[1] <= attribution.span[1]))
            .map((m) => m.entity),
        ),
      ];
      claims.push({ id: `c${claims.length + 1}`, span: [start, end], text: doc.text.slice(start, end), sentence, values, subjects, attribution, lang });
    }
  }
  return claims;
}

/**
 * A sentence is one claim, or one per report when it carries several ("According to X, A; however, Y suggests B"):
 * each part runs from its report's start to where its reported content ends.
 */
function claimParts(doc: TextDoc, sentence: number, reports: ResolvedFrame[]): { span: Span; frame: ResolvedFrame | null }[] {
  const [start, end] = doc.sentences[sentence].span;
  if (reports.length <= 1) return [{ span: [start, end], frame: reports[0] ?? null }];
  return reports.map((frame, i) => {
    const from = i === 0 ? start : Math.min(frame.source?.span[0] ?? frame.cue.span[0], frame.cue.span[0]);
    const to = i === reports.length - 1 ? end : frame.content![1];
    return { span: [from, to] as Span, frame };
  });
}
