/**
 * The search page: reads the state from the URL, searches the exact-match index (every page
 * containing the query, exact matches first), then adds Pagefind's other results below.
 *
 * Typing searches as you go (one history entry per new query, replaced while typing); Enter,
 * the button and the filters commit. While an input method is composing (isComposing,
 * compositionstart…compositionend, keyCode 229) no keystroke — Enter included — searches or
 * navigates: the Enter that confirms a Chinese conversion belongs to the IME.
 *
 * All page text is inserted with textContent: source text never becomes markup.
 */
import { BOOT_GLOBAL } from './boot-script.ts';
import { createExactEngine, type ExactEngine, type PageMatch } from './engine.ts';
import { buildExcerpt, readPagefindExcerpt, type ExcerptPiece } from './excerpt.ts';
import { EXACT_INDEX_PATH, EXACT_INDEX_VERSION, FILTER_KEYS, FILTER_PARAMS, type ExactIndex, type FilterKey } from './index-format.ts';
import { loadPagefind, pagefindFilters, type PagefindResultData } from './pagefind-client.ts';
import { pagefindQueryText, parseQuery, type ParsedQuery } from './query.ts';
import { landingUrl, readSearchState, sameState, writeSearchState, type SearchState } from './url-state.ts';

/**
 * Lets the browser handle input that is waiting. Where scheduler.yield exists the continuation
 * runs first, ahead of other tasks; elsewhere a message to ourselves, which unlike setTimeout(0)
 * is not clamped to 4 ms.
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Results whose excerpts are computed before the first paint; the rest follow in batches. */
const FIRST_BATCH = 15;
const BATCH = 40;
/** Matching passages shown per page. */
const HITS_PER_RESULT = 3;
/** Other (non-containing) Pagefind results shown below the matches. */
const RELATED_LIMIT = 10;
/** With this many pages containing the query, related results are left out. */
const RELATED_ONLY_BELOW = 20;
/** Pagefind results examined for related ones (each costs a fragment download). */
const RELATED_EXAMINED = 40;
const LIVE_DELAY_MS = 180;

const TIER_LABEL: Record<PageMatch['tier'], string> = { exact: '精确匹配', 'all-terms': '包含全部词语' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderPieces(container: HTMLElement, pieces: readonly ExcerptPiece[]): void {
  for (const piece of pieces) {
    container.append(piece.marked ? element('mark', undefined, piece.text) : document.createTextNode(piece.text));
  }
}

function stripBase(base: string, url: string): string {
  const path = url.split('#')[0]?.split('?')[0] ?? '';
  return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
}

class SearchPage {
  readonly root: HTMLElement;
  readonly base: string;
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly selects: Map<FilterKey, HTMLSelectElement>;
  readonly status: HTMLElement;
  readonly results: HTMLOListElement;
  readonly related: HTMLElement;
  readonly relatedList: HTMLOListElement;
  /** Loaded on first use: the benchmark's plain-Pagefind mode never needs it. */
  enginePromise: Promise<ExactEngine> | undefined;
  engine: ExactEngine | undefined;
  /** Whether the filter menus hold the index's values yet. */
  filtersFilled = false;
  state: SearchState;
  composing = false;
  liveEntryOpen = false;
  liveTimer: ReturnType<typeof setTimeout> | undefined;
  sequence = 0;
  searches = 0;

  constructor(root: HTMLElement) {
    this.root = root;
    this.base = root.dataset.base ?? '/';
    const find = <T extends Element>(selector: string): T => {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`search page markup lacks ${selector}`);
      return found;
    };
    this.form = find('form');
    this.input = find('input[name="q"]');
    this.status = find('[data-kb-status]');
    this.results = find('[data-testid="search-results"]');
    this.related = find('[data-kb-related]');
    this.relatedList = find('[data-kb-related] ol');
    this.selects = new Map(FILTER_KEYS.map((key) => [key, find<HTMLSelectElement>(`select[name="${FILTER_PARAMS[key]}"]`)]));
    this.state = readSearchState(location.search);
  }

  engineReady(): Promise<ExactEngine> {
    this.enginePromise ??= this.loadEngine();
    return this.enginePromise;
  }

  async loadEngine(): Promise<ExactEngine> {
    // Usually fetched and parsed already by the head's boot script (boot-script.ts).
    const early = (window as { [BOOT_GLOBAL]?: Promise<unknown> })[BOOT_GLOBAL];
    let index = (await (early ? early.catch(() => this.fetchIndex('default')) : this.fetchIndex('default'))) as ExactIndex | null;
    // An index of another version is a stale copy from a cache (a host may cache it for minutes
    // across a redeploy): ask the server once more, past the cache.
    if (index?.version !== EXACT_INDEX_VERSION) index = (await this.fetchIndex('reload')) as ExactIndex | null;
    performance.mark('kb-index-parsed');
    if (!index || index.version !== EXACT_INDEX_VERSION) throw new Error(`${EXACT_INDEX_PATH}: version ${index?.version}, expected ${EXACT_INDEX_VERSION}`);
    this.engine = createExactEngine(index);
    performance.mark('kb-engine-ready');
    // Setting up the engine is the page's longest piece of work (about 30 ms on a desktop, four
    // times that on a phone); a tap or a keystroke waiting meanwhile goes before the first search.
    await yieldToBrowser();
    return this.engine;
  }

  async fetchIndex(cache: RequestCache): Promise<unknown> {
    const response = await fetch(`${this.base}${EXACT_INDEX_PATH}`, { cache });
    if (!response.ok) throw new Error(`${EXACT_INDEX_PATH}: HTTP ${response.status}`);
    return response.json();
  }

  start(): void {
    for (const notice of this.root.querySelectorAll<HTMLElement>('[data-kb-nojs]')) notice.hidden = true;
    for (const part of this.root.querySelectorAll<HTMLElement>('[data-kb-needs-js]')) part.hidden = false;
    this.input.addEventListener('compositionstart', () => {
      this.composing = true;
      clearTimeout(this.liveTimer);
    });
    this.input.addEventListener('compositionend', () => {
      this.composing = false;
      this.scheduleLive();
    });
    this.input.addEventListener('input', (event) => {
      if ((event as InputEvent).isComposing || this.composing) return;
      this.scheduleLive();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      // The Enter that confirms an IME conversion: leave it to the input method.
      if (event.isComposing || this.composing || event.keyCode === 229) return;
      event.preventDefault();
      this.commit('final');
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.composing) return;
      this.commit('final');
    });
    for (const select of this.selects.values()) select.addEventListener('change', () => this.commit('new-entry'));
    window.addEventListener('popstate', () => {
      this.liveEntryOpen = false;
      this.state = readSearchState(location.search);
      this.applyStateToForm();
      void this.run();
    });
    this.applyStateToForm();
    this.root.dataset.searchCount = '0';
    if (this.state.engine === 'exact') {
      // A search fills the filters itself, with counts, right after its first results; this fills
      // them (without counts) only when no search has by then: no query, or one cleared meanwhile.
      void this.engineReady().then(
        () => setTimeout(() => this.filtersFilled || this.fillFilterOptions(), 0),
        () => undefined,
      );
    }
    void this.run();
  }

  scheduleLive(): void {
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => this.commit('live'), LIVE_DELAY_MS);
  }

  stateFromForm(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of this.selects) {
      if (select.value) filters[key] = [select.value];
    }
    return { q: this.input.value, filters, engine: this.state.engine };
  }

  /**
   * `live`: typing — the first change opens a history entry, later ones replace it.
   * `final`: Enter or the button — closes the typing entry (or opens one).
   * `new-entry`: a filter changed — always a new entry.
   */
  commit(kind: 'live' | 'final' | 'new-entry'): void {
    clearTimeout(this.liveTimer);
    if (this.composing) return;
    const next = this.stateFromForm();
    const changed = !sameState(next, this.state);
    if (!changed && kind === 'live') return;
    const url = `${location.pathname}${writeSearchState(next)}${location.hash}`;
    if (changed && (kind === 'new-entry' || !this.liveEntryOpen)) history.pushState(null, '', url);
    else if (changed) history.replaceState(null, '', url);
    this.liveEntryOpen = kind === 'live';
    this.state = next;
    if (changed || kind !== 'live') void this.run();
  }

  applyStateToForm(): void {
    this.input.value = this.state.q;
    for (const [key, select] of this.selects) {
      const wanted = this.state.filters[key]?.[0] ?? '';
      if (wanted && ![...select.options].some((option) => option.value === wanted)) {
        select.append(new Option(wanted, wanted));
      }
      select.value = wanted;
    }
  }

  /** Filter options from the index, with how many current matches each would keep. */
  fillFilterOptions(matches?: readonly PageMatch[]): void {
    const engine = this.engine;
    if (!engine) return;
    this.filtersFilled = true;
    for (const [key, select] of this.selects) {
      // The index lists the values in Chinese order already (sorted when it was built).
      const counts = new Map<string, number>((engine.index.filterValues[key] ?? []).map((value) => [value, 0]));
      for (const match of matches ?? []) for (const value of match.page.filters[key] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
      const selected = this.state.filters[key]?.[0] ?? '';
      // A value from a shared link that no page has stays selectable (and finds nothing).
      if (selected && !counts.has(selected)) counts.set(selected, 0);
      const values = [...counts.keys()];
      const options = [new Option('全部', '')];
      for (const value of values) {
        options.push(new Option(matches ? `${value}（${counts.get(value) ?? 0}）` : value, value));
      }
      select.replaceChildren(...options);
      select.value = selected;
    }
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  async run(): Promise<void> {
    const sequence = ++this.sequence;
    const started = performance.now();
    const state = this.state;
    this.root.dataset.state = 'searching';
    this.root.dataset.query = state.q;
    delete this.root.dataset.firstResultMs;
    delete this.root.dataset.related;
    document.title = state.q.trim() ? `搜索：${state.q.trim()} | ${this.root.dataset.siteTitle ?? ''}` : (this.root.dataset.pageTitle ?? document.title);
    this.related.hidden = true;
    this.relatedList.replaceChildren();
    const parsed = parseQuery(state.q);
    if (!parsed.phrase) {
      this.results.replaceChildren();
      this.setStatus('请输入要查找的文字，例如：一网通办、0.5个工作日、市场监管局。');
      this.finish(sequence, started, 0);
      return;
    }
    this.setStatus('正在搜索…');
    try {
      if (state.engine === 'pagefind') await this.runPagefindOnly(sequence, started, parsed, state);
      else await this.runExact(sequence, started, parsed, state);
    } catch (error) {
      if (sequence !== this.sequence) return;
      console.error(error);
      this.results.replaceChildren();
      this.setStatus('搜索暂时不可用：索引文件未能加载。请稍后重试，或从部门目录、指标目录查阅。');
      this.root.dataset.state = 'error';
    }
  }

  /** Time from the search starting to its first results on screen (the benchmark reads it). */
  markFirstResult(sequence: number, started: number): void {
    if (sequence !== this.sequence) return;
    this.root.dataset.firstResultMs = (performance.now() - started).toFixed(1);
    // The first answer after the page loaded, measured from navigation start (cold timing).
    if (performance.getEntriesByName('kb-first-result').length === 0) performance.mark('kb-first-result');
  }

  finish(sequence: number, started: number, count: number): void {
    if (sequence !== this.sequence) return;
    this.searches += 1;
    this.root.dataset.searchCount = String(this.searches);
    this.root.dataset.resultCount = String(count);
    this.root.dataset.searchMs = (performance.now() - started).toFixed(1);
    this.root.dataset.state = 'done';
  }

  async runExact(sequence: number, started: number, parsed: ParsedQuery, state: SearchState): Promise<void> {
    const engine = await this.engineReady();
    if (sequence !== this.sequence) return;
    const matches = engine.search(parsed, state.filters);
    const exactCount = matches.filter((match) => match.tier === 'exact').length;
    const items = matches.map((match) => this.resultItem(match));
    matches.slice(0, FIRST_BATCH).forEach((match, i) => this.fillHits(items[i], match, parsed));
    this.results.replaceChildren(...items);
    this.markFirstResult(sequence, started);
    const allTermsCount = matches.length - exactCount;
    const filtered = Object.keys(state.filters).length > 0 ? '（已筛选）' : '';
    this.setStatus(
      matches.length === 0
        ? `没有页面包含“${parsed.phrase}”${filtered}。${parsed.terms.length > 1 ? '也没有页面同时包含全部词语。' : ''}`
        : `${exactCount} 个页面包含“${parsed.phrase}”${allTermsCount > 0 ? `，另有 ${allTermsCount} 个页面包含全部词语` : ''}${filtered}。`,
    );
    this.finish(sequence, started, matches.length);
    this.fillFilterOptions(engine.search(parsed));
    this.fillRemainingHits(sequence, matches, items, parsed);
    await this.addRelated(sequence, parsed, state, new Set(matches.map((match) => match.page.url)), engine);
  }

  resultItem(match: PageMatch): HTMLLIElement {
    const item = element('li', 'kb-result');
    item.dataset.tier = match.tier;
    const firstHit = match.blocks[0];
    const anchor = firstHit && firstHit.anchorIndex >= 0 ? match.page.anchors[firstHit.anchorIndex] : undefined;
    const title = element('h3', 'kb-result-title');
    const link = element('a', undefined, match.page.title || match.page.url);
    link.href = landingUrl(this.base, match.page.url, anchor?.[0], firstHit?.found ?? []);
    link.dataset.testid = 'search-result';
    link.dataset.tier = match.tier;
    title.append(link);
    const meta = element('p', 'kb-result-meta');
    meta.append(element('span', `kb-badge kb-badge-${match.tier}`, TIER_LABEL[match.tier]));
    if (anchor?.[1]) meta.append(element('span', 'kb-result-where', anchor[1]));
    meta.append(element('span', 'kb-result-count', `${match.occurrences} 处`));
    item.append(title, meta);
    return item;
  }

  fillHits(item: HTMLLIElement | undefined, match: PageMatch, parsed: ParsedQuery): void {
    const engine = this.engine;
    if (!item || !engine || item.dataset.filled) return;
    item.dataset.filled = 'true';
    const list = element('ul', 'kb-result-hits');
    const seenAnchors = new Set<number>();
    let shown = 0;
    for (const hit of match.blocks) {
      if (shown >= HITS_PER_RESULT) break;
      if (hit.anchorIndex >= 0 && seenAnchors.has(hit.anchorIndex)) continue;
      seenAnchors.add(hit.anchorIndex);
      shown += 1;
      const anchor = hit.anchorIndex >= 0 ? match.page.anchors[hit.anchorIndex] : undefined;
      const entry = element('li');
      if (shown > 1 && anchor) {
        const where = element('a', 'kb-hit-link', anchor[1] || '正文');
        where.href = landingUrl(this.base, match.page.url, anchor[0], hit.found);
        entry.append(where);
      }
      const excerpt = element('p', 'kb-excerpt');
      const needles = match.tier === 'exact' ? [parsed.phrase] : parsed.terms;
      renderPieces(excerpt, buildExcerpt(engine.texts[hit.textIndex] ?? '', needles));
      entry.append(excerpt);
      list.append(entry);
    }
    const more = match.blocks.length - shown;
    item.append(list);
    if (more > 0) item.append(element('p', 'kb-result-more', `本页另有 ${more} 段包含搜索词`));
  }

  fillRemainingHits(sequence: number, matches: readonly PageMatch[], items: HTMLLIElement[], parsed: ParsedQuery): void {
    let next = FIRST_BATCH;
    const step = (): void => {
      if (sequence !== this.sequence || next >= matches.length) return;
      const end = Math.min(matches.length, next + BATCH);
      for (; next < end; next += 1) this.fillHits(items[next], matches[next] as PageMatch, parsed);
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  async addRelated(sequence: number, parsed: ParsedQuery, state: SearchState, shown: Set<string>, engine: ExactEngine): Promise<void> {
    if (shown.size >= RELATED_ONLY_BELOW) {
      // Enough pages contain the query itself: partial matches would only add noise and downloads.
      this.root.dataset.related = 'skipped';
      return;
    }
    try {
      const pagefind = await loadPagefind(this.base);
      const search = await pagefind.search(pagefindQueryText(parsed), { filters: pagefindFilters(state.filters) });
      if (sequence !== this.sequence || !search) return;
      const urlIndex = new Map(engine.index.pages.map((page, i) => [page.url, i]));
      const quotedPages = parsed.quoted.map((term) => engine.pagesContaining(term));
      const related: PagefindResultData[] = [];
      const examined = search.results.slice(0, RELATED_EXAMINED);
      for (let start = 0; start < examined.length && related.length < RELATED_LIMIT; start += RELATED_LIMIT) {
        const batch = await Promise.all(examined.slice(start, start + RELATED_LIMIT).map((result) => result.data()));
        if (sequence !== this.sequence) return;
        for (const data of batch) {
          if (related.length >= RELATED_LIMIT) break;
          const url = stripBase(this.base, data.url);
          if (shown.has(url)) continue;
          const pageIndex = urlIndex.get(url);
          // A quoted phrase is required: skip pages that lack it.
          if (pageIndex !== undefined && quotedPages.some((pages) => !pages.has(pageIndex))) continue;
          if (pageIndex === undefined && parsed.quoted.length > 0) continue;
          related.push(data);
        }
      }
      if (related.length === 0) {
        this.root.dataset.related = 'none';
        return;
      }
      if (shown.size === 0) this.status.append('下面是分词检索找到的可能相关的结果。');
      for (const data of related) {
        const item = element('li', 'kb-result');
        item.dataset.tier = 'related';
        // Pagefind's best sub-result lands on the task or section heading nearest the words.
        const place = data.sub_results.find((sub) => sub.url.includes('#'));
        const title = element('h3', 'kb-result-title');
        const link = element('a', undefined, data.meta.title ?? data.url);
        link.href = place?.url ?? data.url;
        link.dataset.testid = 'search-result';
        link.dataset.tier = 'related';
        title.append(link);
        item.append(title);
        if (place?.title) {
          const meta = element('p', 'kb-result-meta');
          meta.append(element('span', 'kb-result-where', place.title));
          item.append(meta);
        }
        const excerpt = element('p', 'kb-excerpt');
        const page = engine.index.pages[urlIndex.get(stripBase(this.base, data.url)) ?? -1];
        const pageText = page?.blocks.map(([text]) => engine.texts[text] ?? '').join('\n');
        renderPieces(excerpt, readPagefindExcerpt(place?.excerpt ?? data.excerpt, pageText));
        item.append(excerpt);
        this.relatedList.append(item);
      }
      this.related.hidden = false;
      this.root.dataset.related = String(related.length);
    } catch (error) {
      // Pagefind is an addition: the exact matches above stand on their own.
      console.warn('Pagefind results unavailable:', error);
      this.root.dataset.related = 'error';
    }
  }

  /** Benchmark mode: Pagefind alone, raw query, Pagefind's order. */
  async runPagefindOnly(sequence: number, started: number, parsed: ParsedQuery, state: SearchState): Promise<void> {
    const pagefind = await loadPagefind(this.base);
    const search = await pagefind.search(state.q, { filters: pagefindFilters(state.filters) });
    if (sequence !== this.sequence || !search) return;
    const render = (all: readonly PagefindResultData[]): HTMLLIElement[] => all.map((data) => {
      const item = element('li', 'kb-result');
      item.dataset.tier = 'pagefind';
      const title = element('h3', 'kb-result-title');
      const link = element('a', undefined, data.meta.title ?? data.url);
      link.href = data.url;
      link.dataset.testid = 'search-result';
      title.append(link);
      const excerpt = element('p', 'kb-excerpt');
      // Benchmark mode compares with Pagefind alone: read its excerpt without the page text.
      renderPieces(excerpt, readPagefindExcerpt(data.excerpt));
      item.append(title, excerpt);
      return item;
    });
    // Like Pagefind's own UI: show the first few as soon as their fragments arrive.
    const first = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
    if (sequence !== this.sequence) return;
    this.results.replaceChildren(...render(first));
    this.markFirstResult(sequence, started);
    const rest = await Promise.all(search.results.slice(5).map((result) => result.data()));
    if (sequence !== this.sequence) return;
    this.results.append(...render(rest));
    this.setStatus(`Pagefind：${search.results.length} 个结果（“${parsed.raw}”）。`);
    this.finish(sequence, started, search.results.length);
  }
}

const root = document.querySelector<HTMLElement>('[data-kb-search]');
if (root) new SearchPage(root).start();
