/**
 * Enhancement of the deadlines page: a select of departments that shows only their tasks,
 * with the choice kept in the URL (`?dept=<id>`, shareable; back and forward work).
 */
export function enhanceDeadlineFilter(host: HTMLElement): void {
  const nav = host.closest('nav');
  const links = [...(nav?.querySelectorAll<HTMLAnchorElement>('a[data-department]') ?? [])];
  if (links.length === 0) return;
  const label = document.createElement('label');
  label.textContent = '按部门筛选：';
  const select = document.createElement('select');
  select.append(new Option('全部部门', ''));
  for (const link of links) select.append(new Option(link.textContent?.trim() ?? '', link.dataset['department'] ?? ''));
  label.append(select);
  host.append(label);
  // The select replaces the list of links that serves readers without JavaScript.
  nav?.querySelector('details')?.setAttribute('hidden', '');
  const status = document.querySelector<HTMLElement>('.kb-filter-status');

  const apply = (department: string): void => {
    select.value = department;
    let shown = 0;
    for (const section of document.querySelectorAll<HTMLElement>('.kb-deadline-bucket')) {
      let inSection = 0;
      for (const row of section.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
        const match = department === '' || (row.dataset['departments'] ?? '').split(' ').includes(department);
        row.hidden = !match;
        if (match) inSection += 1;
      }
      section.hidden = inSection === 0;
      const count = section.querySelector('.kb-bucket-count');
      if (count) count.textContent = String(inSection);
      shown += inSection;
    }
    if (status) status.textContent = department === '' ? '' : `已筛选：${select.selectedOptions[0]?.textContent ?? ''}，${shown}项。`;
  };

  const fromUrl = (): string => {
    const wanted = new URL(window.location.href).searchParams.get('dept') ?? '';
    return [...select.options].some((option) => option.value === wanted) ? wanted : '';
  };

  select.addEventListener('change', () => {
    const url = new URL(window.location.href);
    if (select.value === '') url.searchParams.delete('dept');
    else url.searchParams.set('dept', select.value);
    history.pushState(null, '', url);
    apply(select.value);
  });
  window.addEventListener('popstate', () => apply(fromUrl()));
  apply(fromUrl());
}
