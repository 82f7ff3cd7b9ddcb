// The TBX fixture of the XSS test: a TBX-Basic v3 glossary in glossa's
// conventions (the structure of tests/data/key-passages.tbx) whose texts are
// all markup and script: terms, definitions, notes, sources, contexts,
// cross-reference labels, a subject field, an entry id, and external link
// targets with javascript:, JaVaScRiPt:, java<TAB>script: and data: URLs.
// Every payload sets window.__xss; none may run.
//
// The German term „Dateninseln" and 信息孤岛 stand in the report, so the
// report links them to the evil entry (and its popup shows the evil
// definition); 征信 is linked to a second entry with an evil English term.
//
// `glossa check` rejects the four non-http link targets ("is neither an
// http(s) URL nor a relative reference"); the rest is valid, and `glossa
// site` builds the site anyway, which is what makes them worth testing.

import fs from 'node:fs';
import path from 'node:path';

export const EVIL_ID = 'x" onmouseover="window.__xss=1';

export const EVIL_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>A test fixture for the browser tests of glossa site: markup and script in every text field glossa shows, and link targets with javascript: and data: URLs.</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="evil-island">
        <descrip type="subjectField">&lt;img src=x onerror="window.__xss=1"&gt;</descrip>
        <ref type="crossReference" target="evil-two">related: &lt;svg onload=window.__xss=1&gt;</ref>
        <xref type="externalCrossReference" target="javascript:window.__xss=1">&lt;script&gt;window.__xss=1&lt;/script&gt;</xref>
        <xref type="externalCrossReference" target="JaVaScRiPt:window.__xss=1">mixed-case javascript</xref>
        <xref type="externalCrossReference" target="java&#9;script:window.__xss=1">tab in the scheme</xref>
        <xref type="externalCrossReference" target="data:text/html,&lt;script&gt;window.__xss=1&lt;/script&gt;">data URL</xref>
        <xref type="externalCrossReference" target="https://example.invalid/&quot;&gt;&lt;img src=x onerror=window.__xss=1&gt;">"&gt;&lt;img src=x onerror="window.__xss=1"&gt;</xref>
        <note>"&gt;&lt;img src=x onerror="window.__xss=1"&gt; note</note>
        <langSec xml:lang="zh-Hans">
          <termSec>
            <term>信息孤岛</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <admin type="source">&lt;script&gt;window.__xss=1&lt;/script&gt; source</admin>
          </termSec>
        </langSec>
        <langSec xml:lang="zh-Hant">
          <termSec><term>信息孤島"&gt;&lt;img src=x onerror=window.__xss=1&gt;</term></termSec>
        </langSec>
        <langSec xml:lang="zh-Latn-pinyin">
          <termSec><term>xìnxī gūdǎo&lt;svg onload=window.__xss=1&gt;</term></termSec>
        </langSec>
        <langSec xml:lang="de">
          <descripGrp>
            <descrip type="definition">&lt;script&gt;window.__xss=1&lt;/script&gt; "&gt;&lt;img src=x onerror="window.__xss=1"&gt; &lt;svg onload=window.__xss=1&gt; javascript:window.__xss=1</descrip>
            <admin type="source">&lt;svg onload=window.__xss=1&gt; source</admin>
          </descripGrp>
          <note>&lt;/p&gt;&lt;script&gt;window.__xss=1&lt;/script&gt; note</note>
          <termSec>
            <term>Dateninseln</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <admin type="source">"&gt;&lt;img src=x onerror="window.__xss=1"&gt;</admin>
            <descripGrp>
              <descrip type="context">&lt;script&gt;window.__xss=1&lt;/script&gt; Dateninseln</descrip>
              <admin type="source">&lt;svg onload=window.__xss=1&gt;</admin>
            </descripGrp>
          </termSec>
          <termSec>
            <term>&lt;script&gt;window.__xss=1&lt;/script&gt;</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="en">
          <descripGrp>
            <descrip type="definition">&lt;img src=x onerror="window.__xss=1"&gt; &lt;script&gt;window.__xss=1&lt;/script&gt;</descrip>
          </descripGrp>
          <termSec>
            <term>"&gt;&lt;img src=x onerror="window.__xss=1"&gt;</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="evil-two">
        <ref type="crossReference" target="evil-island">related: &lt;script&gt;window.__xss=1&lt;/script&gt;</ref>
        <langSec xml:lang="zh-Hans">
          <termSec><term>征信</term></termSec>
        </langSec>
        <langSec xml:lang="en">
          <termSec><term>&lt;/title&gt;&lt;/script&gt;&lt;svg onload=window.__xss=1&gt;</term></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="x&quot; onmouseover=&quot;window.__xss=1">
        <langSec xml:lang="zh-Hans">
          <termSec><term>&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;</term></termSec>
        </langSec>
        <langSec xml:lang="de">
          <termSec><term>Mondkalb&lt;img src=x onerror=window.__xss=1&gt;</term></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

export function writeEvilGlossary(dir) {
  const file = path.join(dir, 'evil.tbx');
  fs.writeFileSync(file, EVIL_TBX);
  return file;
}
