import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from './decode.js';

// Real encoded samples, made here with iconv-lite from news-like text in each script.
const SAMPLES: Record<string, string> = {
  'windows-1251': 'Министр иностранных дел России Сергей Лавров заявил в пятницу, что переговоры с КНДР продолжатся на следующей неделе в Москве. По его словам, стороны обсудили военное сотрудничество.',
  'koi8-r': 'Министр иностранных дел России Сергей Лавров заявил в пятницу, что переговоры с КНДР продолжатся на следующей неделе в Москве. По его словам, стороны обсудили военное сотрудничество.',
  'iso-8859-1': 'Der Außenminister erklärte am Freitag, die Gespräche würden in der nächsten Woche in Moskau fortgesetzt. Über die Ergebnisse äußerte er sich zurückhaltend.',
  'iso-8859-2': 'Minister spraw zagranicznych oświadczył w piątek, że rozmowy będą kontynuowane w przyszłym tygodniu w Moskwie. Żadnych szczegółów nie podał, ale wyraził nadzieję na porozumienie.',
  'iso-8859-7': 'Ο υπουργός Εξωτερικών δήλωσε την Παρασκευή ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα στη Μόσχα. Δεν έδωσε λεπτομέρειες για τη συμφωνία.',
  shift_jis: '北朝鮮の外相は金曜日、モスクワでロシアのラブロフ外相と会談し、ロシアが勝利するまで支持すると述べた。両国は軍事協力について協議した。',
  gb18030: '朝鲜外务相星期五在莫斯科会见了俄罗斯外长拉夫罗夫，表示将一直支持俄罗斯直到胜利。双方讨论了军事合作问题。',
  'euc-kr': '북한 외무상은 금요일 모스크바에서 러시아 외무장관과 회담하고 러시아가 승리할 때까지 지지하겠다고 말했다. 양국은 군사 협력을 논의했다.',
  'utf-16le': 'Министр заявил в пятницу, что переговоры продолжатся. The minister said talks would go on.',
  'utf-16be': 'Министр заявил в пятницу, что переговоры продолжатся. The minister said talks would go on.',
};

for (const [encoding, text] of Object.entries(SAMPLES)) {
  test(`${encoding}: decoded when declared (HTTP header), in a <meta> tag, and when only detected`, () => {
    const bytes = iconv.encode(text, encoding);
    assert.equal(decodeText(bytes, 'x', encoding), text, 'declared');
    assert.equal(decodeText(bytes, 'x'), text, 'detected');
    if (!encoding.startsWith('utf-16')) {
      const page = Buffer.concat([Buffer.from(`<html><head><meta charset="${encoding}"></head><body><p>`), iconv.encode(text, encoding), Buffer.from('</p></body></html>')]);
      assert.match(decodeText(page, 'x'), new RegExp(text.slice(0, 12)), '<meta charset>');
    }
  });
}

test('UTF-16 with a BOM, either byte order', () => {
  const text = SAMPLES['utf-16le'];
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'x'), text);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'x'), text);
});
