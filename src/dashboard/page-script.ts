/**
 * The dashboard's only script, inline in the page and allowed by its hash in the page's
 * Content-Security-Policy (so nothing else can run, and nothing is loaded from anywhere). It:
 * - keeps the page live: every two seconds it asks /__mock/dashboard/live for the page's main
 *   part and puts it in place when it changed, unless the person is filling in a field;
 * - follows the dashboard's own links and the application picker without reloading;
 * - makes each action's test-double call (a POST or DELETE under /__mock, JSON) and shows the answer;
 * - when the mock has an admin token, asks for it once, keeps it in sessionStorage (this tab
 *   only) and sends it as `Authorization: Bearer` with every request it makes.
 * Every value it puts in the page is either the server's escaped HTML or set as textContent.
 */
export const PAGE_SCRIPT = `'use strict'
;(() => {
  const TOKEN_KEY = 'mock-dwolla admin token'
  const main = document.getElementById('main')
  const clock = document.getElementById('clock')
  const result = document.getElementById('result')
  const live = document.getElementById('live')
  const signIn = document.getElementById('sign-in')
  const tokenField = document.getElementById('token')
  let token = sessionStorage.getItem(TOKEN_KEY) || undefined
  let shown

  const headersWith = (extra) => (token === undefined ? extra : Object.assign({ authorization: 'Bearer ' + token }, extra))

  function show(text, failed) {
    result.textContent = text
    result.className = failed ? 'failed' : 'done'
    result.hidden = false
  }

  function askForToken(refused) {
    if (refused && token !== undefined) show('the admin token was refused: give it again', true)
    token = undefined
    sessionStorage.removeItem(TOKEN_KEY)
    signIn.hidden = false
    tokenField.focus()
  }

  // Whether the person is in the middle of something the next update would throw away.
  function editing() {
    const active = document.activeElement
    if (active !== null && main.contains(active) && active.matches('input, select, textarea')) return true
    for (const field of main.querySelectorAll('input, textarea')) if (field.value !== field.defaultValue) return true
    for (const option of main.querySelectorAll('option')) if (option.selected !== option.defaultSelected) return true
    return false
  }

  function replaceMain(markup) {
    const open = new Set(Array.from(main.querySelectorAll('details[open][data-key]'), (details) => details.dataset.key))
    main.innerHTML = markup
    for (const details of main.querySelectorAll('details[data-key]')) if (open.has(details.dataset.key)) details.open = true
    shown = markup
  }

  async function load(href, force) {
    const response = await fetch('/__mock/dashboard/live' + new URL(href, location.href).search, {
      headers: headersWith({ accept: 'application/json' }),
      cache: 'no-store',
    })
    if (response.status === 401) return askForToken(true)
    const answer = await response.json()
    if (!response.ok) return show(answer.error + ': ' + answer.message, true)
    clock.textContent = answer.now
    if (answer.main !== shown && (force || !editing())) replaceMain(answer.main)
  }

  function navigate(href) {
    history.pushState(null, '', href)
    load(href, true).catch((error) => show(String(error), true))
  }

  function valueOf(field) {
    const kind = field.dataset.kind
    if (kind === 'number') {
      if (field.value.trim() === '' || !Number.isFinite(Number(field.value))) throw new Error(field.name + ': expected a number')
      return Number(field.value)
    }
    if (kind === 'json' || kind === 'body') {
      try {
        return JSON.parse(field.value)
      } catch (error) {
        throw new Error((field.name || 'body') + ': not JSON (' + error.message + ')')
      }
    }
    return field.value
  }

  async function act(button) {
    const box = button.closest('[data-path]')
    if (box.dataset.confirm && !confirm(box.dataset.confirm)) return
    let body = box.dataset.body === undefined ? undefined : JSON.parse(box.dataset.body)
    try {
      for (const field of box.querySelectorAll('[data-kind]')) {
        const value = valueOf(field)
        body = field.dataset.kind === 'body' ? value : Object.assign(body || {}, { [field.name]: value })
      }
    } catch (error) {
      return show(error.message, true)
    }
    button.disabled = true
    try {
      const init = { method: box.dataset.method, headers: headersWith(body === undefined ? {} : { 'content-type': 'application/json' }) }
      if (body !== undefined) init.body = JSON.stringify(body)
      const response = await fetch(box.dataset.path, init)
      if (response.status === 401) return askForToken(true)
      show(button.textContent + ': ' + response.status + ' ' + (await response.text()), !response.ok)
      if (response.ok) for (const field of box.querySelectorAll('input, textarea')) field.value = field.defaultValue
    } catch (error) {
      show(String(error), true)
    } finally {
      button.disabled = false
    }
    await load(location.href, true)
  }

  async function openJson(link) {
    const response = await fetch(link.href, { headers: headersWith({ accept: 'application/json' }) })
    if (response.status === 401) return askForToken(true)
    show(link.href + '\\n' + (await response.text()), !response.ok)
  }

  document.addEventListener('click', (event) => {
    const plain = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey
    const link = event.target.closest('a[data-nav]')
    if (link !== null && plain) {
      event.preventDefault()
      return navigate(link.href)
    }
    // With a token, a JSON link cannot be followed (a link sends no header): fetched and shown instead.
    const json = event.target.closest('a[data-json]')
    if (json !== null && plain && token !== undefined) {
      event.preventDefault()
      return openJson(json).catch((error) => show(String(error), true))
    }
    const button = event.target.closest('button[data-act]')
    if (button !== null) {
      event.preventDefault()
      act(button).catch((error) => show(String(error), true))
    }
  })

  document.addEventListener('change', (event) => {
    if (!event.target.matches('select[data-picker]')) return
    const url = new URL('/__mock/dashboard', location.href)
    url.searchParams.set('application', event.target.value)
    navigate(url.href)
  })

  window.addEventListener('popstate', () => load(location.href, true).catch((error) => show(String(error), true)))

  signIn.addEventListener('submit', (event) => {
    event.preventDefault()
    token = tokenField.value.trim() || undefined
    tokenField.value = ''
    if (token === undefined) return
    sessionStorage.setItem(TOKEN_KEY, token)
    signIn.hidden = true
    load(location.href, true).catch((error) => show(String(error), true))
  })

  setInterval(() => {
    if (live.checked && !document.hidden && signIn.hidden) load(location.href, false).catch(() => show('mock-dwolla is not answering', true))
  }, 2000)

  if (document.body.dataset.signIn !== undefined) {
    if (token === undefined) askForToken(false)
    else load(location.href, true).catch((error) => show(String(error), true))
  }
})()
`
