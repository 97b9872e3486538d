// The queue page: sizes per queue, failures, retry and forget of failed jobs.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function button(label, action) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', action);
  return b;
}

export function queueView() {
  const view = {
    async reload() {
      const overview = await api.get('/api/queue');
      $('queue-sizes').replaceChildren(...overview.queues.map((q) => {
        const tr = document.createElement('tr');
        tr.append(cell(q.name), cell(q.pending), cell(q.delayed), cell(q.reserved), cell(q.oldest_pending_seconds ?? '-'));
        return tr;
      }));
      $('failed-total').textContent = overview.failed_total;
      $('failed-minute').textContent = overview.failed_last_minute;
      const failed = await api.get('/api/queue/failed');
      $('failed-rows').replaceChildren(...failed.data.map((job) => {
        const tr = document.createElement('tr');
        const actions = document.createElement('td');
        actions.append(
          button('Retry', () => api.post(`/api/queue/failed/${job.uuid}/retry`).then(view.reload)),
          button('Forget', () => api.delete(`/api/queue/failed/${job.uuid}`).then(view.reload)));
        tr.append(cell(job.failed_at.slice(0, 19).replace('T', ' ')), cell(job.queue), cell(job.name),
          cell(job.exception_message), actions);
        return tr;
      }));
    },
  };
  $('queue-refresh').addEventListener('click', () => view.reload());
  return view;
}
