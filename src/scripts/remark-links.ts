// Where the browser can write to the clipboard, a button beside each remark's link copies its full address, so a
// reader can send one remark to a colleague. The link itself works without JavaScript.
import { t } from '../i18n/zh-CN.ts';

const links = document.querySelectorAll<HTMLAnchorElement>('a.remark-link');
if (links.length && 'clipboard' in navigator) {
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  document.body.append(status);
  for (const link of links) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'remark-copy';
    const whose = document.createElement('span');
    whose.className = 'sr-only';
    whose.textContent = link.dataset.whose ?? '';
    button.append(t.copyLink, whose);
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(link.href).then(() => {
        status.textContent = '';
        status.textContent = t.copied;
      });
    });
    link.after(button);
  }
}
