// Builds the per-document index at ingest time and merges document indexes into a library index.
import { DEFAULT_COMPRESS_CONFIG } from "./config";
import { joinAbbreviationCuts, splitLongRange } from "./structure";
import { contentTerms, forEachWord, termOfRaw, titleWords } from "./terms";
import type { CompressDocument, DerivedLookups, DocumentIndex, LibraryIndex, TitlePhrase } from "./types";

/** Longest run of sentences kept as one passage; longer paragraphs become several passages. */
const MAX_PASSAGE_SENTENCES = 12;

/** Indexes one document: passages, sentence units (long ones cut), and term postings per sentence. */
export function indexDocument(doc: CompressDocument, maxSentenceChars = DEFAULT_COMPRESS_CONFIG.maxSentenceChars): DocumentIndex {
  const passageSection: number[] = [];
  const passageFirst: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const counts: number[] = [];
  const localId = new Map<string, number>();
  const terms: string[] = [];
  const postSentence: number[][] = [];
  const postTf: number[][] = [];

  // Term frequencies of the sentence being indexed, by local term id, and the ids it touched.
  let scratch = new Int32Array(256);
  const touched: number[] = [];
  const addSentence = (start: number, end: number): void => {
    const sentence = starts.length;
    let total = 0;
    forEachWord(doc.text, start, end, (raw) => {
      const term = termOfRaw(raw);
      if (!term) return;
      let id = localId.get(term);
      if (id === undefined) {
        id = terms.length;
        localId.set(term, id);
        terms.push(term);
        postSentence.push([]);
        postTf.push([]);
        if (id >= scratch.length) {
          const grown = new Int32Array(scratch.length * 2);
          grown.set(scratch);
          scratch = grown;
        }
      }
      if (scratch[id] === 0) touched.push(id);
      scratch[id]!++;
      total++;
    });
    for (const id of touched) {
      postSentence[id]!.push(sentence);
      postTf[id]!.push(Math.min(scratch[id]!, 0xffff));
      scratch[id] = 0;
    }
    touched.length = 0;
    starts.push(start);
    ends.push(end);
    counts.push(Math.min(total, 0xffff));
  };

  doc.sections.forEach((section, sectionIndex) => {
    for (const paragraph of section.paragraphs) {
      let inPassage = MAX_PASSAGE_SENTENCES;
      for (const sentence of joinAbbreviationCuts(doc.text, paragraph.sentences)) {
        for (const [start, end] of splitLongRange(doc.text, sentence.start, sentence.end, maxSentenceChars)) {
          if (inPassage >= MAX_PASSAGE_SENTENCES) {
            passageSection.push(sectionIndex);
            passageFirst.push(starts.length);
            inPassage = 0;
          }
          addSentence(start, end);
          inPassage++;
        }
      }
    }
  });
  passageFirst.push(starts.length);

  const postingFirst = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postingFirst[t + 1] = postingFirst[t]! + postSentence[t]!.length;
  return {
    id: doc.id,
    title: doc.title,
    text: doc.text,
    sections: doc.sections.map((s) => ({ start: s.start, end: s.end, kind: s.kind, number: s.number, title: s.title })),
    passageSection: Int32Array.from(passageSection),
    passageFirst: Int32Array.from(passageFirst),
    sentenceStart: Int32Array.from(starts),
    sentenceEnd: Int32Array.from(ends),
    sentenceTerms: Uint16Array.from(counts),
    terms,
    postingFirst,
    postingSentence: Int32Array.from(postSentence.flat()),
    postingTf: Uint16Array.from(postTf.flat()),
  };
}

/** Merges document indexes, in library order, under one vocabulary. Cost is linear in postings. */
export function mergeIndexes(parts: readonly DocumentIndex[]): LibraryIndex {
  const termId = new Map<string, number>();
  const terms: string[] = [];
  const postingCount: number[] = [];
  // Global term id of each part's local terms, looked up once.
  const globalIds: Int32Array[] = [];
  let sections = 0, passages = 0, sentences = 0, postings = 0;
  for (const part of parts) {
    sections += part.sections.length;
    passages += part.passageFirst.length - 1;
    sentences += part.sentenceStart.length;
    postings += part.postingSentence.length;
    const ids = new Int32Array(part.terms.length);
    for (let t = 0; t < part.terms.length; t++) {
      const term = part.terms[t]!;
      let id = termId.get(term);
      if (id === undefined) {
        id = terms.length;
        termId.set(term, id);
        terms.push(term);
        postingCount.push(0);
      }
      ids[t] = id;
      postingCount[id]! += part.postingFirst[t + 1]! - part.postingFirst[t]!;
    }
    globalIds.push(ids);
  }
  const postingFirst = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postingFirst[t + 1] = postingFirst[t]! + postingCount[t]!;
  const fill = postingFirst.slice(0, terms.length);
  const index: Omit<LibraryIndex, "derived"> = {
    docs: parts.map((p) => ({ id: p.id, title: p.title, text: p.text })),
    sectionDoc: new Int32Array(sections),
    sectionStart: new Int32Array(sections),
    sectionEnd: new Int32Array(sections),
    sectionNumber: new Int32Array(sections),
    sectionKind: new Uint8Array(sections),
    sectionTitle: [],
    passageSection: new Int32Array(passages),
    passageFirst: new Int32Array(passages + 1),
    passageTerms: new Int32Array(passages),
    sentenceStart: new Int32Array(sentences),
    sentenceEnd: new Int32Array(sentences),
    sentenceTerms: new Uint16Array(sentences),
    sentencePassage: new Int32Array(sentences),
    terms,
    postingFirst,
    postingSentence: new Int32Array(postings),
    postingTf: new Uint16Array(postings),
    passageDf: new Int32Array(terms.length),
  };
  const lastPassage = new Int32Array(terms.length).fill(-1);
  let s0 = 0, p0 = 0, n0 = 0;
  parts.forEach((part, d) => {
    part.sections.forEach((section, i) => {
      index.sectionDoc[s0 + i] = d;
      index.sectionStart[s0 + i] = section.start;
      index.sectionEnd[s0 + i] = section.end;
      index.sectionNumber[s0 + i] = section.number;
      index.sectionKind[s0 + i] = section.kind === "page" ? 0 : 1;
      index.sectionTitle.push(section.title);
    });
    const localPassages = part.passageFirst.length - 1;
    for (let p = 0; p < localPassages; p++) {
      index.passageSection[p0 + p] = s0 + part.passageSection[p]!;
      index.passageFirst[p0 + p] = n0 + part.passageFirst[p]!;
      for (let s = part.passageFirst[p]!; s < part.passageFirst[p + 1]!; s++) {
        index.sentencePassage[n0 + s] = p0 + p;
        index.passageTerms[p0 + p]! += part.sentenceTerms[s]!;
      }
    }
    index.sentenceStart.set(part.sentenceStart, n0);
    index.sentenceEnd.set(part.sentenceEnd, n0);
    index.sentenceTerms.set(part.sentenceTerms, n0);
    const ids = globalIds[d]!;
    for (let t = 0; t < ids.length; t++) {
      const id = ids[t]!;
      for (let k = part.postingFirst[t]!; k < part.postingFirst[t + 1]!; k++) {
        const sentence = n0 + part.postingSentence[k]!;
        const at = fill[id]!++;
        index.postingSentence[at] = sentence;
        index.postingTf[at] = part.postingTf[k]!;
        const passage = index.sentencePassage[sentence]!;
        if (lastPassage[id] !== passage) {
          lastPassage[id] = passage;
          index.passageDf[id]!++;
        }
      }
    }
    s0 += part.sections.length;
    p0 += localPassages;
    n0 += part.sentenceStart.length;
  });
  index.passageFirst[passages] = sentences;
  return { ...index, derived: deriveLookups(index) };
}

/** Rebuilds the lookups that are cheaper to derive than to store: term ids, title phrases, averages. */
export function deriveLookups(index: Omit<LibraryIndex, "derived">): DerivedLookups {
  const termId = new Map<string, number>();
  index.terms.forEach((term, t) => termId.set(term, t));
  const titlePhrases = new Map<string, TitlePhrase[]>();
  const addPhrase = (words: string[], section: number): void => {
    if (words.length === 0) return;
    const list = titlePhrases.get(words[0]!) ?? [];
    list.push({ words, section });
    titlePhrases.set(words[0]!, list);
  };
  for (let s = 0; s < index.sectionTitle.length; s++) {
    const docTitle = index.docs[index.sectionDoc[s]!]!.title;
    addPhrase(titleWords(docTitle), s);
    const own = index.sectionTitle[s]!;
    if (index.sectionKind[s] === 1 && own !== docTitle) addPhrase(titleWords(own), s);
  }
  const titleSections = new Map<string, number[]>();
  for (let s = 0; s < index.sectionTitle.length; s++) {
    const docTitle = index.docs[index.sectionDoc[s]!]!.title;
    const own = index.sectionTitle[s]!;
    const words = new Set(contentTerms(own === docTitle ? docTitle : `${docTitle} ${own}`));
    for (const term of words) {
      const list = titleSections.get(term) ?? [];
      list.push(s);
      titleSections.set(term, list);
    }
  }
  const passages = index.passageTerms.length;
  let passageTotal = 0;
  for (let p = 0; p < passages; p++) passageTotal += index.passageTerms[p]!;
  const sentences = index.sentenceTerms.length;
  return {
    termId,
    titlePhrases,
    titleSections,
    avgPassageTerms: passages > 0 ? passageTotal / passages : 1,
    avgSentenceTerms: sentences > 0 ? passageTotal / sentences : 1,
  };
}
