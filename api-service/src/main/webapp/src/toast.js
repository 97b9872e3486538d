// A toast per event, like the seed app's toastr: stacked top right, gone after a few seconds.
export function toast(message, url, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = document.createElement(url ? 'a' : 'div');
  item.className = `toast ${kind}`;
  item.textContent = message;
  if (url) item.href = url;
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}
