import type { Task } from '../schemas/index.ts';

/**
 * How a task reads on the page: its heading (the lead sentence, or the start of the text when
 * there is none) and the paragraphs that follow. The lead sentence is not repeated in the body.
 */
export function taskHeading(task: Pick<Task, 'title' | 'text'>): { title: string; rest: string[] } {
  const paragraphs = task.text.split(/\n{2,}/).filter((p) => p.trim().length > 0);
  const first = paragraphs[0] ?? '';
  if (task.title !== null && task.title.length > 0 && first.startsWith(task.title)) {
    const remainder = first.slice(task.title.length).trim();
    return { title: task.title, rest: remainder.length > 0 ? [remainder, ...paragraphs.slice(1)] : paragraphs.slice(1) };
  }
  if (task.title !== null && task.title.length > 0) return { title: task.title, rest: paragraphs };
  return { title: shorten(first, 40), rest: paragraphs };
}

/** The first `max` characters of a text, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('') + '…';
}
