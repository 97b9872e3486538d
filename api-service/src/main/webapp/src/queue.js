// The queue page: sizes per queue, jobs processed and failed per minute (the worker's counters), failed jobs with
// retry and forget. Reloads every few seconds while it is shown.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const REFRESH_MS = 5000;

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

function svg(name, attributes) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, value));
  return element;
}

// One bar per minute: processed (green) with failed (red) on top, scaled to the busiest minute.
function drawChart(perMinute) {
  const chart = $('throughput-chart');
  const [width, height] = [600, 120];
  const slot = width / perMinute.length;
  const busiest = Math.max(1, ...perMinute.map((m) => m.processed + m.failed));
  $('chart-max').textContent = busiest;
  chart.replaceChildren(...perMinute.map((m, i) => {
    const bar = svg('g', { 'data-minute': m.minute, 'data-processed': m.processed, 'data-failed': m.failed });
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${m.minute.slice(11, 16)} UTC: ${m.processed} processed, ${m.failed} failed`;
    const processed = (m.processed / busiest) * height;
    const failed = (m.failed / busiest) * height;
    bar.append(title,
      svg('rect', { class: 'processed', x: i * slot + 1, y: height - processed, width: slot - 2, height: processed }),
      svg('rect', { class: 'failed', x: i * slot + 1, y: height - processed - failed, width: slot - 2, height: failed }));
    return bar;
  }));
}

export function queueView() {
  let timer = null;
  const view = {
    async reload() {
      const overview = await api.get('/api/queue');
      $('queue-sizes').replaceChildren(...overview.queues.map((q) => {
        const tr = document.createElement('tr');
        tr.append(cell(q.name), cell(q.pending), cell(q.delayed), cell(q.reserved), cell(q.oldest_pending_seconds ?? '-'),
          cell(q.processed_last_minute), cell(q.failed_last_minute), cell(q.processed_last_hour), cell(q.failed_last_hour));
        return tr;
      }));
      $('processed-minute').textContent = overview.processed_last_minute;
      $('failed-minute').textContent = overview.failed_last_minute;
      $('processed-hour').textContent = overview.processed_last_hour;
      $('failed-hour').textContent = overview.failed_last_hour;
      drawChart(overview.per_minute);
      $('failed-total').textContent = overview.failed_total;
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
    // Shown: load now and every few seconds; hidden: stop asking.
    show(visible) {
      clearInterval(timer);
      timer = null;
      if (visible) {
        view.reload();
        timer = setInterval(() => view.reload().catch(() => {}), REFRESH_MS);
      }
    },
  };
  $('queue-refresh').addEventListener('click', () => view.reload());
  return view;
}
