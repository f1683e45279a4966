/**
 * Enhancement: next to every task link, a button that copies the task's absolute URL. Without
 * JavaScript the link itself is the permalink.
 */
function enhance(link: HTMLAnchorElement): void {
  if (!navigator.clipboard || link.dataset['copyReady']) return;
  link.dataset['copyReady'] = '1';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kb-copy-button';
  button.textContent = '复制链接';
  const status = document.createElement('span');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const url = new URL(link.getAttribute('href') ?? '', window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = '已复制';
      status.textContent = '链接已复制';
    } catch {
      button.textContent = '复制失败';
      status.textContent = '复制失败，请长按或右键复制“任务链接”';
    }
    window.setTimeout(() => {
      button.textContent = '复制链接';
      status.textContent = '';
    }, 2000);
  });
  link.after(button, status);
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) enhance(link);
