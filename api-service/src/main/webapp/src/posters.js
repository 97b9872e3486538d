// The posters table, its counters and the create/edit form.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

export function postersView() {
  let page = 1;
  let editing = null;

  const counters = (total, month) => {
    $('total').textContent = total;
    $('month').textContent = month;
  };

  const row = (poster) => {
    const tr = document.createElement('tr');
    tr.dataset.id = poster.id;
    for (const value of [poster.id, poster.title, poster.status, poster.created_at.slice(0, 19).replace('T', ' ')]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    const actions = document.createElement('td');
    const edit = document.createElement('button');
    edit.textContent = 'Edit';
    edit.addEventListener('click', () => view.edit(poster.id));
    const remove = document.createElement('button');
    remove.textContent = 'Delete';
    remove.className = 'danger';
    remove.addEventListener('click', async () => {
      if (confirm(`Delete "${poster.title}"?`)) await api.delete(`/api/posters/${poster.id}`).then(view.afterChange);
    });
    actions.append(edit, remove);
    tr.append(actions);
    return tr;
  };

  const view = {
    counters,
    async refreshCounters() {
      const stats = await api.get('/api/posters/stats');
      counters(stats.total, stats.month);
    },
    async reload() {
      const status = $('status-filter').value;
      const list = await api.get(`/api/posters?page=${page}${status ? `&status=${status}` : ''}`);
      $('rows').replaceChildren(...list.data.map(row));
      $('page-info').textContent = `page ${list.current_page} of ${list.last_page} (${list.total})`;
      $('prev').disabled = !list.prev_page_url;
      $('next').disabled = !list.next_page_url;
    },
    async edit(id) {
      let poster;
      try {
        poster = await api.get(`/api/posters/${id}`);
      } catch (e) {
        // e.g. the link of a 已删除 toast, or a poster another admin just deleted: say so instead of nothing
        $('form-error').textContent = e.message;
        return;
      }
      $('form-error').textContent = '';
      editing = id;
      $('title').value = poster.title;
      $('status').value = poster.status;
      $('save').textContent = `Save #${id}`;
      $('cancel').hidden = false;
    },
    async afterChange() {
      await view.reload();
      await view.refreshCounters();
    },
  };

  const reset = () => {
    editing = null;
    $('poster-form').reset();
    $('save').textContent = 'Create';
    $('cancel').hidden = true;
    $('form-error').textContent = '';
  };

  $('poster-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { title: $('title').value, status: $('status').value };
    try {
      if (editing) await api.put(`/api/posters/${editing}`, body);
      else await api.post('/api/posters', body);
      reset();
      await view.afterChange();
    } catch (e) {
      $('form-error').textContent = e.message;
    }
  });
  $('cancel').addEventListener('click', reset);
  $('status-filter').addEventListener('change', () => { page = 1; view.reload(); });
  $('prev').addEventListener('click', () => { page -= 1; view.reload(); });
  $('next').addEventListener('click', () => { page += 1; view.reload(); });
  return view;
}
