// The page: reads what the reader pastes, asks the library (WebAssembly, on this device) for
// the report, and lays it out. Every sentence of the report comes from the library, in the
// reader's language; this file holds only the page's own labels.
'use strict';

(function () {
  const WORDS = {
    en: {
      title: 'Is this contact real?',
      intro: 'Paste a phone number, link, account, e-mail address, or a whole message or web page. It is checked against the official channels of {brands} wallets and exchanges.',
      label: 'What do you want to check?',
      placeholder: 'For example: TP Wallet support hotline 400-…',
      privacy: 'Everything is checked on this device. Nothing you paste is sent anywhere.',
      result: 'Report',
      loading: 'Loading…',
      waiting: 'The report appears here as you type.',
      failed: 'The checker could not start. {error}',
      pasted: 'Where they are in your text',
      copy: 'Copy report',
      copied: 'Copied. You can now paste it into a message to your family or to the police.',
      copyFailed: 'The report could not be copied. Select its text and copy it by hand.',
      copyTitle: 'Report from contactguard',
      copyText: 'The text checked:',
      list: 'List of official channels: version {version}, issued {issued}. Its signatures were verified on this device.',
      old: 'This list is out of date. Download the page again to get the newest list.',
      languages: 'Language',
      status: { impersonation: 'fake', unknown: 'unknown', official: 'official' },
    },
    'zh-Hans': {
      title: '这个联系方式是真的吗？',
      intro: '粘贴电话号码、链接、账号、邮箱地址，或整段聊天记录、网页内容。我们会把它与 {brands} 个钱包和交易所的官方渠道核对。',
      label: '您要核对什么？',
      placeholder: '例如：TP钱包人工客服电话 400-…',
      privacy: '所有核对都在这台设备上完成，您粘贴的内容不会发送到任何地方。',
      result: '核对结果',
      loading: '正在加载…',
      waiting: '输入后，核对结果会显示在这里。',
      failed: '核对工具无法启动。{error}',
      pasted: '它们在您粘贴的文字中的位置',
      copy: '复制核对结果',
      copied: '已复制。您可以把它粘贴到消息里，发给家人或警方。',
      copyFailed: '无法复制。请手动选中结果文字后复制。',
      copyTitle: 'contactguard 核对结果',
      copyText: '核对的文字：',
      list: '官方渠道名单：第 {version} 版，{issued} 发布。其签名已在这台设备上验证。',
      old: '这份名单已经过期。请重新下载本页面，以获得最新名单。',
      languages: '语言',
      status: { impersonation: '仿冒', unknown: '无法确认', official: '官方' },
    },
    'zh-Hant': {
      title: '這個聯絡方式是真的嗎？',
      intro: '貼上電話號碼、連結、帳號、電子郵件地址，或整段聊天記錄、網頁內容。我們會把它與 {brands} 個錢包和交易所的官方管道核對。',
      label: '您要核對什麼？',
      placeholder: '例如：TP錢包人工客服電話 400-…',
      privacy: '所有核對都在這台裝置上完成，您貼上的內容不會傳送到任何地方。',
      result: '核對結果',
      loading: '正在載入…',
      waiting: '輸入後，核對結果會顯示在這裡。',
      failed: '核對工具無法啟動。{error}',
      pasted: '它們在您貼上的文字中的位置',
      copy: '複製核對結果',
      copied: '已複製。您可以把它貼到訊息裡，傳給家人或警方。',
      copyFailed: '無法複製。請手動選取結果文字後複製。',
      copyTitle: 'contactguard 核對結果',
      copyText: '核對的文字：',
      list: '官方管道名單：第 {version} 版，{issued} 發布。其簽章已在這台裝置上驗證。',
      old: '這份名單已經過期。請重新下載本頁面，以取得最新名單。',
      languages: '語言',
      status: { impersonation: '仿冒', unknown: '無法確認', official: '官方' },
    },
  };
  // The longest text shown again with its contacts marked; longer texts get the cards only.
  const MARKED_TEXT_MAX = 20000;
  const ICONS = { impersonation: '✗', unknown: '?', official: '✓' };
  const DEBOUNCE_MS = 200;

  const $ = (id) => document.getElementById(id);
  const textBox = $('text');
  const statusLine = $('status');
  const reportBox = $('report');
  const announce = $('announce');
  const copyRow = $('copy-row');
  const copyStatus = $('copy-status');

  let page = null;
  let language = pickLanguage();
  let last = null; // the last report, as the library gave it
  let timer = 0;
  // When the checker was ready (ms after the page started loading) and how long the first
  // report took: the browser test prints them.
  const timings = (window.timings = {
    start: 0, compiled: 0, instantiated: 0, verified: 0, ready: 0, firstReport: 0,
  });

  function pickLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    const tags = [asked, ...(navigator.languages || [navigator.language])].filter(Boolean);
    for (const tag of tags) {
      const t = tag.toLowerCase();
      if (t === 'zh-hant' || /^zh-(hant|tw|hk|mo)\b/.test(t)) return 'zh-Hant';
      if (t.startsWith('zh')) return 'zh-Hans';
      if (t.startsWith('en')) return 'en';
    }
    return 'en';
  }

  // The reader's region from the browser's language tag (`CN` in `zh-CN`), for where to report.
  function region() {
    const m = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})\b/i.exec(navigator.language || '');
    return m ? m[1].toUpperCase() : '';
  }

  function words() {
    return WORDS[language];
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
  }

  function setLanguage(lang) {
    language = lang;
    const w = words();
    document.documentElement.lang = lang;
    document.title = 'contactguard: ' + w.title;
    $('languages').setAttribute('aria-label', w.languages);
    for (const b of document.querySelectorAll('#languages button')) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    }
    for (const el of document.querySelectorAll('[data-words]')) {
      const key = el.dataset.words;
      if ((key === 'loading' && page) || (key === 'intro' && !page)) continue;
      el.textContent = fill(w[key], { brands: page ? page.brands : '' });
    }
    textBox.placeholder = w.placeholder;
    copyStatus.textContent = '';
    if (page) {
      showList();
      run();
    }
  }

  function showList() {
    const w = words();
    const info = last ? last.list : null;
    if (!info) return;
    let text = fill(w.list, info);
    if (info.old) text += ' ' + w.old;
    $('list').textContent = text;
  }

  function schedule() {
    clearTimeout(timer);
    // The first report after the page loads comes at once; later ones wait for a pause.
    timer = setTimeout(run, last && last.input ? DEBOUNCE_MS : 0);
  }

  function run() {
    if (!page) return;
    const text = textBox.value;
    const locale = language + (region() ? '-' + region() : '');
    const started = performance.now();
    const report = JSON.parse(page.checker.report(text, locale, Date.now()));
    report.input = text;
    last = report;
    render(report);
    showList();
    if (!timings.firstReport && text.trim()) {
      timings.firstReport = performance.now() - started;
    }
    window.lastReport = report;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(report) {
    const w = words();
    reportBox.replaceChildren();
    copyStatus.textContent = '';
    if (!report.input.trim()) {
      statusLine.hidden = false;
      statusLine.textContent = w.waiting;
      copyRow.hidden = true;
      announce.textContent = '';
      reportBox.dataset.state = 'empty';
      return;
    }
    statusLine.hidden = true;
    let list = null; // the list cards go into
    let steps = null; // the list steps and places go into
    const marks = [];
    for (const part of report.parts) {
      const status = part.status || '';
      if (part.role !== 'step' && part.role !== 'place') steps = null;
      if (part.role !== 'contact' && part.role !== 'explanation' && part.role !== 'claim') list = null;
      switch (part.role) {
        case 'summary': {
          const p = el('p', 'summary ' + (report.status || 'unknown'), part.text);
          p.id = 'summary';
          reportBox.append(p);
          if (report.input.length <= MARKED_TEXT_MAX && report.parts.some((x) => x.span)) {
            reportBox.append(el('h3', '', w.pasted));
            const pasted = el('div', 'pasted');
            pasted.id = 'pasted';
            // It scrolls when the text is long: a stop for the keyboard, named for screen readers.
            pasted.tabIndex = 0;
            pasted.setAttribute('role', 'region');
            pasted.setAttribute('aria-label', w.pasted);
            reportBox.append(pasted);
          }
          break;
        }
        case 'heading':
          reportBox.append(el('h2', '', part.text));
          break;
        case 'contact':
        case 'claim': {
          if (!list) {
            list = el('ul', 'cards');
            reportBox.append(list);
          }
          const li = el('li', 'card ' + status);
          li.dataset.status = status;
          li.dataset.role = part.role;
          if (part.span) li.dataset.span = part.span.join('-');
          li.append(el('p', 'what', part.text));
          list.append(li);
          if (part.span) marks.push({ span: part.span, status });
          break;
        }
        case 'explanation': {
          const card = list && list.lastElementChild;
          const p = el('p', 'why', part.text);
          if (card) card.append(p);
          else reportBox.append(p);
          break;
        }
        case 'step':
        case 'place': {
          if (!steps) {
            steps = el('ul', 'steps');
            reportBox.append(steps);
          }
          const li = el('li', part.role, part.text.replace(/^\s*•\s*/, ''));
          steps.append(li);
          break;
        }
        case 'brand':
          reportBox.append(el('h3', 'brand', part.text));
          break;
        case 'detail':
          break;
        default:
          reportBox.append(el('p', part.role, part.text));
      }
    }
    const pasted = $('pasted');
    if (pasted) markText(pasted, report.input, marks);
    copyRow.hidden = false;
    reportBox.dataset.state = 'done';
    const summary = report.parts.find((p) => p.role === 'summary');
    announce.textContent = summary ? summary.text : '';
  }

  // The pasted text with each contact and claim marked, its verdict in words for screen readers.
  function markText(box, text, marks) {
    const w = words();
    marks.sort((a, b) => a.span[0] - b.span[0]);
    let at = 0;
    for (const m of marks) {
      const [start, end] = m.span;
      if (start < at) continue;
      box.append(document.createTextNode(text.slice(at, start)));
      // An icon before the mark for those who do not see its colour; a word for screen readers.
      const icon = el('span', 'icon ' + m.status, ICONS[m.status] || '?');
      icon.setAttribute('aria-hidden', 'true');
      box.append(icon);
      const mark = el('mark', m.status, text.slice(start, end));
      mark.dataset.status = m.status;
      box.append(mark);
      box.append(el('span', 'visually-hidden', ' (' + (w.status[m.status] || m.status) + ')'));
      at = end;
    }
    box.append(document.createTextNode(text.slice(at)));
  }

  function reportText() {
    const w = words();
    const quoted = last.input.length > 4000 ? last.input.slice(0, 4000) + '…' : last.input;
    return [
      w.copyTitle,
      '',
      w.copyText,
      quoted.trim(),
      '',
      last.text.trim(),
      '',
      $('list').textContent,
      '',
    ].join('\n');
  }

  async function copy() {
    const w = words();
    const text = reportText();
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch (_) {
      const area = el('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.append(area);
      area.select();
      try {
        done = document.execCommand('copy');
      } catch (_) {
        done = false;
      }
      area.remove();
    }
    copyStatus.textContent = done ? w.copied : w.copyFailed;
    window.lastCopied = done ? text : null;
  }

  function fromBase64(encoded) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(encoded);
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function start() {
    timings.start = performance.now();
    const gzip = fromBase64($('wasm').textContent.trim());
    const wasm = new Response(
      new Blob([gzip]).stream().pipeThrough(new DecompressionStream('gzip')),
      { headers: { 'Content-Type': 'application/wasm' } },
    );
    // Compiled as it is decompressed, where the browser can.
    const module = WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(wasm)
      : await WebAssembly.compile(await wasm.arrayBuffer());
    timings.compiled = performance.now();
    await wasm_bindgen({ module_or_path: module });
    timings.instantiated = performance.now();
    const checker = new wasm_bindgen.Page();
    timings.verified = performance.now();
    const probe = JSON.parse(checker.report('', 'en', 0));
    page = { checker, brands: probe.list.brands };
    last = probe;
    last.input = '';
    timings.ready = performance.now();
    setLanguage(language);
    document.body.dataset.ready = 'true';
  }

  for (const b of document.querySelectorAll('#languages button')) {
    b.addEventListener('click', () => setLanguage(b.dataset.lang));
  }
  textBox.addEventListener('input', schedule);
  $('copy').addEventListener('click', copy);
  setLanguage(language);
  start().catch((e) => {
    statusLine.hidden = false;
    statusLine.textContent = fill(words().failed, { error: String((e && e.message) || e) });
    document.body.dataset.ready = 'failed';
  });
})();
