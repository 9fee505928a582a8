// The MyUser demo page: plain JavaScript, same-origin fetch calls to MyUser's API. The tokens are kept in this
// script's memory only (never in localStorage or a cookie), so reloading the page forgets them.
(function () {
  'use strict';

  const API = '/api/auth';
  const MAILBOX = '/dev/mailbox/messages';
  const POLL_MS = 1000;
  const POLL_LIMIT = 120;

  const state = { access: null, refresh: null, email: null, exportRequestId: null, deletionRequestId: null };

  function $(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  // A message box: a sentence, and for a problem answer its detail and each field error.
  function say(id, kind, text, fieldErrors) {
    const box = $(id);
    box.replaceChildren(el('p', {}, [text]));
    box.className = 'message ' + kind;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) {
      const list = el('ul', { 'class': 'field-errors' });
      Object.keys(fieldErrors).forEach(function (field) {
        [].concat(fieldErrors[field]).forEach(function (message) {
          list.appendChild(el('li', { 'data-field': field }, [field + ': ' + message]));
        });
      });
      box.appendChild(list);
    }
  }

  function clear(id) { $(id).replaceChildren(); $(id).className = 'message'; }

  // Show a failed call: the problem JSON's detail (RFC 9457) and its field errors, or what went wrong instead.
  function sayProblem(id, failure) {
    if (failure && failure.problem) {
      say(id, 'error', failure.problem.detail || failure.problem.title || ('HTTP ' + failure.status),
        failure.problem.errors);
    } else {
      say(id, 'error', 'The server could not be reached: ' + (failure && failure.message ? failure.message : failure));
    }
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && problem.detail) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function send(method, url, body, token) {
    const headers = { 'Accept': 'application/json, application/problem+json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (token) { headers['Authorization'] = 'Bearer ' + token; }
    const response = await fetch(url, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body !== undefined ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch (ignored) { json = { detail: text }; }
    }
    if (!response.ok) { throw new ApiError(response.status, json || { detail: 'HTTP ' + response.status }); }
    return json;
  }

  // A call to MyUser's API, signed in when there are tokens. An access token that has expired is refreshed once
  // (refresh-token rotation: the new pair replaces the old one) and the call repeated.
  async function api(method, path, body) {
    try {
      return await send(method, API + path, body, state.access);
    } catch (failure) {
      if (!(failure instanceof ApiError) || failure.status !== 401 || !state.refresh) { throw failure; }
      const pair = await send('POST', API + '/token/refresh/', { refresh: state.refresh });
      state.access = pair.access;
      if (pair.refresh) { state.refresh = pair.refresh; }
      return send(method, API + path, body, state.access);
    }
  }

  function formValues(form) {
    const values = {};
    new FormData(form).forEach(function (value, name) { values[name] = value; });
    return values;
  }

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function signedIn(email) {
    state.email = email;
    $('who').textContent = 'Signed in as ' + email + '.';
    $('account').hidden = false;
    $('mailbox-link').href = '/dev/mailbox?to=' + encodeURIComponent(email);
  }

  function signedOut() {
    state.access = null;
    state.refresh = null;
    state.email = null;
    state.exportRequestId = null;
    state.deletionRequestId = null;
    $('who').textContent = 'Not signed in.';
    $('account').hidden = true;
    $('sessions-list').replaceChildren();
    $('export-state').textContent = 'none requested';
    $('export-link').hidden = true;
    showDeletion({ id: null, status: 'none requested' });
  }

  // 1. Register.
  $('register-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    const values = formValues(event.target);
    say('register-message', 'info', 'Registering…');
    try {
      const answer = await send('POST', API + '/registration/', values);
      $('mailbox-link').href = '/dev/mailbox?to=' + encodeURIComponent(values.email);
      say('register-message', 'ok', 'Registered: ' + (answer && answer.detail ? answer.detail : 'done') +
        ' Open the verification link from the dev mailbox (step 2), then sign in.');
      $('login-form').elements.email.value = values.email;
    } catch (failure) {
      sayProblem('register-message', failure);
    }
  });

  // 3. Sign in.
  $('login-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    const values = formValues(event.target);
    say('login-message', 'info', 'Signing in…');
    try {
      const pair = await send('POST', API + '/token/', { email: values.email, password: values.password });
      state.access = pair.access;
      state.refresh = pair.refresh;
      event.target.elements.password.value = '';
      clear('logout-message');
      signedIn(values.email);
      say('login-message', 'ok', 'Signed in as ' + values.email + '.');
      await Promise.all([loadProfile(), loadSessions(), loadDataRequests()]);
    } catch (failure) {
      sayProblem('login-message', failure);
    }
  });

  // 4. Profile and consent.
  function showProfile(profile) {
    const form = $('profile-form');
    form.elements.email.value = profile.email || '';
    form.elements.first_name.value = profile.first_name || '';
    form.elements.last_name.value = profile.last_name || '';
    form.elements.marketing_consent.checked = !!profile.marketing_consent;
    $('consent-updated').textContent = profile.marketing_consent_updated_at || 'never';
  }

  async function loadProfile() {
    try {
      showProfile(await api('GET', '/profile/'));
    } catch (failure) {
      sayProblem('profile-message', failure);
    }
  }

  $('profile-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    const form = event.target;
    say('profile-message', 'info', 'Saving…');
    try {
      const profile = await api('PATCH', '/profile/', {
        first_name: form.elements.first_name.value,
        last_name: form.elements.last_name.value,
        marketing_consent: form.elements.marketing_consent.checked
      });
      showProfile(profile);
      say('profile-message', 'ok', 'Profile saved: ' + profile.first_name + ' ' + profile.last_name + ', marketing '
        + (profile.marketing_consent ? 'accepted' : 'declined') + '.');
    } catch (failure) {
      sayProblem('profile-message', failure);
    }
  });

  // 5. Sessions.
  async function loadSessions() {
    try {
      showSessions(await api('GET', '/sessions/'));
    } catch (failure) {
      sayProblem('sessions-message', failure);
    }
  }

  function showSessions(sessions) {
    const rows = sessions.map(function (session) {
      const action = session.current
        ? el('span', { 'class': 'current' }, ['this page'])
        : el('button', { 'type': 'button', 'class': 'revoke', 'data-session': session.id }, ['Revoke']);
      return el('tr', { 'class': 'session', 'data-session': session.id }, [
        el('td', {}, [session.created_at || '']),
        el('td', {}, [session.last_activity || '']),
        el('td', {}, [session.ip_address || '']),
        el('td', { 'class': 'agent' }, [session.user_agent || '']),
        el('td', {}, [action])
      ]);
    });
    $('sessions-list').replaceChildren.apply($('sessions-list'), rows);
  }

  $('sessions-refresh').addEventListener('click', async function () {
    clear('sessions-message');
    await loadSessions();
  });

  $('sessions-list').addEventListener('click', async function (event) {
    const button = event.target.closest('button.revoke');
    if (!button) { return; }
    button.disabled = true;
    try {
      await api('DELETE', '/sessions/' + encodeURIComponent(button.dataset.session) + '/');
      say('sessions-message', 'ok', 'Session revoked: its tokens no longer work.');
      await loadSessions();
    } catch (failure) {
      button.disabled = false;
      sayProblem('sessions-message', failure);
    }
  });

  // The newest email to the signed-in address with a link containing a text, from the dev mailbox (which only
  // the sample app has). Resolves to null when there is no dev mailbox.
  async function mailboxLink(contains, newerThan) {
    let mails;
    try {
      mails = await send('GET', MAILBOX + '?to=' + encodeURIComponent(state.email));
    } catch (failure) {
      if (failure instanceof ApiError && (failure.status === 401 || failure.status === 404)) { return null; }
      throw failure;
    }
    for (const mail of mails) {
      if (mail.id <= newerThan) { continue; }
      const link = mail.links.find(function (candidate) { return candidate.indexOf(contains) >= 0; });
      if (link) { return link; }
    }
    return undefined;
  }

  async function newestMailId() {
    try {
      const mails = await send('GET', MAILBOX + '?to=' + encodeURIComponent(state.email));
      return mails.length > 0 ? mails[0].id : 0;
    } catch (ignored) {
      return 0;
    }
  }

  // The newest request of each type, so that a deletion still in its grace period shows after signing in again.
  async function loadDataRequests() {
    try {
      const requests = await api('GET', '/data-requests/');
      const newestExport = requests.find(function (request) { return request.request_type === 'EXPORT'; });
      const newestDeletion = requests.find(function (request) { return request.request_type === 'DELETE'; });
      if (newestExport) { $('export-state').textContent = newestExport.status; }
      if (newestDeletion) { showDeletion(newestDeletion); }
    } catch (failure) {
      sayProblem('export-message', failure);
    }
  }

  // 6. Export: request, follow the job's state, then find the download link in the dev mailbox.
  $('export-request').addEventListener('click', async function (event) {
    const button = event.target;
    button.disabled = true;
    $('export-link').hidden = true;
    say('export-message', 'info', 'Requesting an export…');
    try {
      const before = await newestMailId();
      let request = await api('POST', '/data-requests/', { request_type: 'EXPORT' });
      state.exportRequestId = request.id;
      for (let i = 0; i < POLL_LIMIT && (request.status === 'PENDING' || request.status === 'PROCESSING'); i++) {
        $('export-state').textContent = request.status;
        say('export-message', 'info', 'Export ' + request.status.toLowerCase() + '…');
        await wait(POLL_MS);
        request = await api('GET', '/data-requests/' + encodeURIComponent(request.id) + '/');
      }
      $('export-state').textContent = request.status;
      if (request.status !== 'COMPLETED') {
        say('export-message', 'error', 'The export did not complete: ' + request.status +
          (request.notes ? ' (' + request.notes + ')' : '') + '.');
        return;
      }
      say('export-message', 'info', 'Export ready. Waiting for its email…');
      let link;
      for (let i = 0; i < POLL_LIMIT && link === undefined; i++) {
        link = await mailboxLink('/data-export/download/', before);
        if (link === undefined) { await wait(POLL_MS); }
      }
      if (!link) {
        say('export-message', 'ok', 'Export ready: the download link is in the "data export ready" email.');
        return;
      }
      $('export-download').href = link;
      $('export-link').hidden = false;
      say('export-message', 'ok', 'Export ready: download it with the link from its email.');
    } catch (failure) {
      sayProblem('export-message', failure);
    } finally {
      button.disabled = false;
    }
  });

  // 7. Deletion, with the password; a grace period in which it can be withdrawn.
  function showDeletion(request) {
    state.deletionRequestId = request.id;
    $('delete-state').textContent = request.status;
    const pending = request.status === 'PENDING';
    $('delete-scheduled').hidden = !pending;
    $('delete-scheduled-for').textContent = request.scheduled_for || '';
    $('delete-scheduled-for').setAttribute('datetime', request.scheduled_for || '');
    $('delete-withdraw').hidden = !pending;
    if (!pending) { $('delete-email-link').hidden = true; }
  }

  // The withdrawal link of the "deletion scheduled" email, once it is in the dev mailbox (if there is one).
  async function showWithdrawalLink(newerThan, requestId) {
    for (let i = 0; i < POLL_LIMIT && state.deletionRequestId === requestId; i++) {
      const link = await mailboxLink('/cancel-deletion', newerThan);
      if (link === null) { return; }
      if (link !== undefined) {
        if (state.deletionRequestId === requestId && $('delete-state').textContent === 'PENDING') {
          $('delete-cancel-link').href = link;
          $('delete-email-link').hidden = false;
        }
        return;
      }
      await wait(POLL_MS);
    }
  }

  $('delete-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    const form = event.target;
    say('delete-message', 'info', 'Requesting deletion…');
    const body = { request_type: 'DELETE', password: form.elements.password.value };
    if (form.elements.notes.value) { body.notes = form.elements.notes.value; }
    try {
      const before = await newestMailId();
      const request = await api('POST', '/data-requests/', body);
      form.elements.password.value = '';
      showDeletion(request);
      showWithdrawalLink(before, request.id).catch(function (failure) { sayProblem('delete-message', failure); });
      say('delete-message', 'ok', 'Deletion requested. The account will be erased on ' + request.scheduled_for +
        ' unless you withdraw the request before then.');
    } catch (failure) {
      sayProblem('delete-message', failure);
    }
  });

  $('delete-withdraw').addEventListener('click', async function () {
    try {
      const request = await api('POST', '/data-requests/' + encodeURIComponent(state.deletionRequestId) +
        '/cancel/');
      showDeletion(request);
      say('delete-message', 'ok', 'Deletion withdrawn: the account stays.');
    } catch (failure) {
      sayProblem('delete-message', failure);
    }
  });

  // 8. Sign out: ends this page's session (its refresh family and access tokens) on the server.
  $('logout-button').addEventListener('click', async function () {
    try {
      await api('POST', '/logout/', { refresh: state.refresh });
      const email = state.email;
      signedOut();
      ['login-message', 'profile-message', 'sessions-message', 'export-message', 'delete-message']
        .forEach(clear);
      say('logout-message', 'ok', 'Signed out ' + email + ': this session has ended on the server.');
    } catch (failure) {
      sayProblem('logout-message', failure);
    }
  });
})();
