// The admin page: login, posters with live counters and toasts, online admins, queue page.
// Bundled with laravel-echo 2 and socket.io-client 4 by esbuild at build time (see api-service/README.md).
import Echo from 'laravel-echo';
import { io } from 'socket.io-client';
import { api, session } from './api.js';
import { toast } from './toast.js';
import { postersView } from './posters.js';
import { queueView } from './queue.js';

const $ = (id) => document.getElementById(id);

function echoUrl() {
  const configured = document.querySelector('meta[name="echo-url"]').content;
  return configured || `${location.protocol}//${location.hostname}:6001`;
}

function connect(me, posters) {
  const echo = new Echo({
    broadcaster: 'socket.io',
    client: io,
    host: echoUrl(),
    transports: ['websocket', 'polling'],
    auth: { headers: { Authorization: `Bearer ${session.token()}` } },
  });
  api.socketId = () => echo.socketId();
  echo.connector.socket.on('connect', () => document.body.dataset.socket = 'connected');
  echo.channel('poster_room').listen('.backend_poster', (e) => {
    toast(e.msg, e.url);
    posters.counters(e.total, e.month);
    posters.reload();
  });
  echo.private(`App.Models.User.${me.id}`).notification((n) => toast(n.msg, n.url, 'note'));
  const online = new Map();
  const render = () => {
    $('online').replaceChildren(...[...online.values()].map((m) => {
      const li = document.createElement('li');
      li.textContent = m.name;
      return li;
    }));
  };
  echo.join('admins')
    .here((members) => { members.forEach((m) => online.set(m.id, m)); render(); })
    .joining((m) => { online.set(m.id, m); render(); })
    .leaving((m) => { online.delete(m.id); render(); });
}

async function showApp() {
  const me = await api.get('/api/me');
  $('login').hidden = true;
  $('app').hidden = false;
  $('me').textContent = me.name;
  const posters = postersView();
  const queue = queueView();
  await posters.reload();
  await posters.refreshCounters();
  connect(me, posters);
  const route = () => {
    const onQueue = location.hash === '#queue';
    $('posters-page').hidden = onQueue;
    $('queue-page').hidden = !onQueue;
    queue.show(onQueue);
  };
  window.addEventListener('hashchange', route);
  route();
  const edit = location.pathname.match(/^\/admin\/posters\/(\d+)\/edit$/);
  if (edit) posters.edit(Number(edit[1]));
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const result = await api.post('/api/login', { email: $('email').value, password: $('password').value });
    session.save(result.token);
    await showApp();
  } catch (e) {
    $('login-error').textContent = e.message;
  }
});

$('logout').addEventListener('click', async () => {
  await api.post('/api/logout').catch(() => {});
  session.clear();
  location.href = '/admin';
});

if (session.token()) {
  showApp().catch(() => { session.clear(); $('login').hidden = false; });
} else {
  $('login').hidden = false;
}
