#!/usr/bin/env python3
"""
Writes the raw mails of Qmark's mail corpus: customer/*.eml and replies/*.eml.

Run once after a change (python3 generate.py, from any directory) and commit the .eml files it
writes: the tests read those bytes, never this script. The script exists so that the corpus can be
reviewed as text: every mail below is spelled out header by header, its body as readable text, and
only the encodings (base64, quoted-printable, RFC 2047 words, the legacy charsets) are computed.

Charsets are encoded with Python's codecs, not Java's, on purpose: the parser under test runs on
the JDK's decoders, and a corpus encoded by the same library would hide the places where the JDK
and the rest of the world disagree (Java's "ks_c_5601-1987" is EUC-KR, not CP949; its "Shift_JIS"
has no NEC or IBM extensions; Outlook's "gb2312" is really GBK).

Conventions, as SES stores received mail in S3: CRLF line ends; SES's own Return-Path, Received and
X-SES-* lines on top; then the headers exactly as the client wrote them. Addresses use reserved
names (example.com, *.example). Attachments are small deterministic stand-ins (a JPEG or PDF
header and seeded bytes) of a known size. Placeholders are filled in by the tests, byte for byte:
{{REPLY_TO}} (replies) with the reply address of the "?" answered, {{FEEDBACK_ID}} and
{{ACK_MESSAGE_ID}} (later mails of a customer's thread) from the acknowledgement of the first mail.
"""

import base64
import hashlib
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FEEDBACK = "feedback@feedback.example.com"


# ----------------------------------------------------------------------------------- encodings

def crlf(text):
    """Header text written with \\n (and \\n\\t or \\n<space> for folding) as wire CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def lines(text):
    """Body text written with \\n as CRLF lines, ending with a line break."""
    text = crlf(text)
    return text if text.endswith("\r\n") else text + "\r\n"


def b64(data, width=76):
    """Base64 in lines of `width` (Outlook, Gmail, Apple: 76; Thunderbird: 72), ending with CRLF."""
    s = base64.b64encode(data).decode("ascii")
    return ("\r\n".join(s[i:i + width] for i in range(0, len(s), width)) + "\r\n").encode("ascii")


def qp(data, width=76):
    """Quoted-printable of CRLF text bytes, soft breaks so that no line is longer than `width`."""
    out = []
    for line in data.split(b"\r\n"):
        tokens = []
        for i, byte in enumerate(line):
            last = i == len(line) - 1
            if byte == 0x3D or byte > 126 or (byte < 32 and byte != 9) or (byte in (9, 32) and last):
                tokens.append("=%02X" % byte)
            else:
                tokens.append(chr(byte))
        current = ""
        for token in tokens:
            if len(current) + len(token) > width - 1:
                out.append(current + "=")
                current = ""
            current += token
        out.append(current)
    return "\r\n".join(out).encode("ascii")


Q_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def _word(data, label, encoding):
    if encoding == "B":
        return "=?%s?B?%s?=" % (label, base64.b64encode(data).decode("ascii"))
    text = "".join("_" if b == 32 else chr(b) if b in Q_SAFE else "=%02X" % b for b in data)
    return "=?%s?Q?%s?=" % (label, text)


def ew(text, label, codec, encoding="B", limit=75, fold="\n "):
    """RFC 2047 encoded words for `text`, split on character boundaries so that no word is longer
    than `limit` (what Gmail, Outlook and Apple Mail do); each word is complete in itself, also
    for the stateful ISO-2022 codecs (each ends back in ASCII)."""
    words = []
    chunk = ""
    for ch in text:
        candidate = chunk + ch
        if chunk and len(_word(candidate.encode(codec), label, encoding)) > limit:
            words.append(_word(chunk.encode(codec), label, encoding))
            chunk = ch
        else:
            chunk = candidate
    if chunk:
        words.append(_word(chunk.encode(codec), label, encoding))
    return fold.join(words)


def ew_split_bytes(text, label, codec, every):
    """Encoded words cut every `every` bytes regardless of characters: one multibyte character
    ends up split across two words (what some Korean webmail and old mailers do)."""
    data = text.encode(codec)
    return "\n ".join(_word(data[i:i + every], label, "B") for i in range(0, len(data), every))


def iso2022jp_ms(text):
    """ISO-2022-JP as Microsoft's CP50220/CP50221 and the WHATWG encoder (Thunderbird) write it:
    JIS X 0208 plus NEC row 13 (circled digits, roman numerals, ...), which plain ISO-2022-JP
    codecs refuse. Computed from the CP932 bytes; half-width kana and IBM extensions not needed."""
    out = bytearray()
    jis = False
    for ch in text:
        if ord(ch) < 0x80:
            if jis:
                out += b"\x1b(B"
                jis = False
            out += ch.encode("ascii")
            continue
        sjis = ch.encode("cp932")
        if len(sjis) != 2 or sjis[0] >= 0xED:
            raise ValueError("no JIS X 0208 / NEC row 13 code for %r" % ch)
        s1, s2 = sjis
        s1 = (s1 - (0x71 if s1 <= 0x9F else 0xB1)) * 2 + 1
        if s2 > 0x7F:
            s2 -= 1
        if s2 >= 0x9E:
            s2 -= 0x7D
            s1 += 1
        else:
            s2 -= 0x1F
        if not jis:
            out += b"\x1b$B"
            jis = True
        out += bytes([s1, s2])
    if jis:
        out += b"\x1b(B"
    return bytes(out)


def jis_lines(text):
    """ISO-2022-JP body: every line encoded on its own, so each ends back in ASCII (RFC 1468)."""
    return b"\r\n".join(iso2022jp_ms(line) for line in text.split("\n"))


def flowed(paragraphs, width):
    """format=flowed text (RFC 3676): each paragraph cut into lines of at most `width` characters
    that end with a space when the paragraph goes on (soft break). Paragraphs are lists of
    pre-cut lines when the client does not cut at spaces (CJK with delsp=yes)."""
    out = []
    for paragraph in paragraphs:
        if isinstance(paragraph, list):
            for i, piece in enumerate(paragraph):
                out.append(piece + (" " if i < len(paragraph) - 1 else ""))
            continue
        if paragraph == "":
            out.append("")
            continue
        words = paragraph.split(" ")
        current = ""
        for word in words:
            if current and len(current) + 1 + len(word) > width:
                out.append(current + " ")
                current = word
            else:
                current = word if not current else current + " " + word
        out.append(current)
    return "\n".join(out)


# ----------------------------------------------------------------------------------- building

def part(headers, body):
    """A MIME entity: header text (\\n line ends, str or bytes) and body bytes."""
    head = headers if isinstance(headers, bytes) else crlf(headers).encode("ascii")
    return head.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n\r\n" + body


def multipart(boundary, parts, preamble=None):
    """A multipart body: optional preamble, the parts, the close delimiter."""
    b = boundary.encode("ascii")
    out = b""
    if preamble is not None:
        out += preamble.encode("ascii") + b"\r\n"
    for i, p in enumerate(parts):
        out += (b"" if i == 0 and preamble is None else b"\r\n") + b"--" + b + b"\r\n" + p
    return out + b"\r\n--" + b + b"--\r\n"


def ses(return_path, host, ip, rcpt, when, smtp_id):
    """What SES receiving puts above the sender's headers before it stores the mail."""
    return ("Return-Path: <%s>\n"
            "Received: from %s (%s [%s])\n"
            " by inbound-smtp.eu-west-1.amazonaws.com with SMTP id %s\n"
            " for %s;\n"
            " %s\n"
            "X-SES-Spam-Verdict: PASS\n"
            "X-SES-Virus-Verdict: PASS\n") % (return_path, host, host, ip, smtp_id, rcpt, when)


def fake_jpeg(size, seed):
    rnd = random.Random(seed)
    head = bytes.fromhex("FFD8FFE000104A46494600010101004800480000")
    return head + bytes(rnd.getrandbits(8) for _ in range(size - len(head) - 2)) + b"\xff\xd9"


def fake_pdf(size, seed):
    rnd = random.Random(seed)
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    tail = b"\n%%EOF\n"
    return head + bytes(rnd.getrandbits(8) for _ in range(size - len(head) - len(tail))) + tail


def fake_file(size, seed, magic):
    rnd = random.Random(seed)
    return magic + bytes(rnd.getrandbits(8) for _ in range(size - len(magic)))


MAILS = {}


def mail(directory, name):
    def register(fn):
        MAILS[(directory, name)] = fn
        return fn
    return register


# ================================================================================ customer mails
# Customers' first mails to the feedback address, one per client and charset. The expected
# outcome of each is in customer/expected.json; what each exercises is in customer/README.md.

OUTLOOK_FONTS = {"KO": "\ub9d1\uc740 \uace0\ub515", "ZH-CN": "\u7b49\u7ebf", "JA": "\u6e38\u30b4\u30b7\u30c3\u30af"}


def outlook_html(body_html, lang="KO", charset="ks_c_5601-1987"):
    """The Word-generated HTML that Outlook desktop sends next to the text part."""
    font = OUTLOOK_FONTS.get(lang, "Calibri")
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; '
            'charset=%s"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:"%s";}\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n'
            '\tfont-size:10.0pt;\n\tfont-family:"%s";}\n--></style></head>'
            '<body lang=%s link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word;text-justify-trim:punctuation\'>'
            '<div class=WordSection1>%s</div></body></html>\n') % (charset, font, font, lang, body_html)


def mso(text):
    """Outlook's paragraphs: one <p class=MsoNormal> per line, &nbsp; for empty lines."""
    paragraphs = []
    for line in text.split("\n"):
        paragraphs.append("<p class=MsoNormal>%s<o:p></o:p></p>" % (line if line else "<o:p>&nbsp;</o:p>"))
    return "\n".join(paragraphs)


@mail("customer", "outlook-desktop-ko-cp949.eml")
def _():
    text = ("안녕하세요.\n\n"
            "11월 18일에 주문한 똠양꿍 소스 3병 중 2병만 도착했습니다.\n"
            "주문번호는 20261118-0042 입니다. 나머지 1병은 언제 받을 수 있을까요?\n\n"
            "김지민 드림\n")
    boundary = "----=_NextPart_000_000B_01DC5B69.AF1A6540"
    head = (ses("jimin.kim@corp.example.kr", "mail.corp.example.kr", "203.0.113.25", FEEDBACK,
                "Mon, 23 Nov 2026 01:12:43 +0000 (UTC)", "9d2ufm1n7r0lq4s0c3b2e1a0")
            + "From: " + ew("김지민", "ks_c_5601-1987", "cp949") + " <jimin.kim@corp.example.kr>\n"
            "To: <feedback@feedback.example.com>\n"
            "Subject: " + ew("배송 누락 문의 (주문번호 20261118-0042)", "ks_c_5601-1987", "cp949") + "\n"
            "Date: Mon, 23 Nov 2026 10:12:41 +0900\n"
            "Message-ID: <000a01dc5b1e$3f2c8d40$bd85a7c0$@corp.example.kr>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "Thread-Index: AdxbHjpLk2m4QZ1xRbGp7r0aW3cFqQ==\n"
            "Content-Language: ko")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("cp949"))),
        part("Content-Type: text/html;\n\tcharset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(outlook_html(mso(text.rstrip("\n")))).encode("cp949"))),
    ], preamble="This is a multi-part message in MIME format.")
    return head, body


@mail("customer", "outlook-exchange-ko-pdf-attachment.eml")
def _():
    text = ("담당자님 안녕하세요,\n\n"
            "11월 20일 결제한 주문(20261120-1187) 금액 128,000원이 카드에서 두 번 청구되었습니다.\n"
            "카드사 승인 내역이 담긴 거래명세서를 첨부합니다. 중복 결제된 금액의 환불 부탁드립니다.\n\n"
            "감사합니다.\n"
            "박서준 드림\n")
    outer = "_004_SL2P216MB1873A4C2B1D0E9F8A7B6C5D4E3F2A1B0SL2P216MB1873KORP_"
    inner = "_000_SL2P216MB1873A4C2B1D0E9F8A7B6C5D4E3F2A1B0SL2P216MB1873KORP_"
    file_name = ew("거래명세서_2026년11월.pdf", "ks_c_5601-1987", "cp949", fold="\n\t")
    subject = ew("환불 요청드립니다 - 중복 결제", "ks_c_5601-1987", "cp949")
    head = (ses("seojun.park@contoso.example.kr", "KOR01-SL2-obe.outbound.protection.outlook.com", "40.107.43.96",
                FEEDBACK, "Mon, 23 Nov 2026 01:20:07 +0000 (UTC)", "a7kq01v2n5tq8bqk0ud7v1hr")
            + "From: " + ew("박서준", "ks_c_5601-1987", "cp949") + " <seojun.park@contoso.example.kr>\n"
            "To: \"feedback@feedback.example.com\" <feedback@feedback.example.com>\n"
            "Subject: " + subject + "\n"
            "Thread-Topic: " + subject + "\n"
            "Thread-Index: AQHcXBx1r0QyGvWxSUW0xRm3Jy2dKQ==\n"
            "Date: Mon, 23 Nov 2026 01:20:05 +0000\n"
            "Message-ID: <SL2P216MB1873A4C2B1D0E9F8A7B6C5D4E3F2A1B0@SL2P216MB1873.KORP216.PROD.OUTLOOK.COM>\n"
            "Accept-Language: ko-KR, en-US\n"
            "Content-Language: ko-KR\n"
            "X-MS-Has-Attach: yes\n"
            "X-MS-TNEF-Correlator:\n"
            "msip_labels:\n"
            "Content-Type: multipart/mixed;\n"
            "\tboundary=\"" + outer + "\"\n"
            "MIME-Version: 1.0")
    alternative = multipart(inner, [
        part("Content-Type: text/plain; charset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("cp949"))),
        part("Content-Type: text/html; charset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(outlook_html(mso(text.rstrip("\n")))).encode("cp949"))),
    ])
    body = multipart(outer, [
        part("Content-Type: multipart/alternative;\n\tboundary=\"" + inner + "\"", alternative),
        part("Content-Type: application/pdf;\n\tname=\"" + file_name + "\"\n"
             "Content-Description: " + file_name + "\n"
             "Content-Disposition: attachment;\n"
             "\tfilename=\"" + file_name + "\"; size=3187;\n"
             "\tcreation-date=\"Mon, 23 Nov 2026 01:19:41 GMT\";\n"
             "\tmodification-date=\"Mon, 23 Nov 2026 01:19:41 GMT\"\n"
             "Content-Transfer-Encoding: base64",
             b64(fake_pdf(3187, 2))),
    ])
    return head, body


@mail("customer", "outlook-web-en-help-address.eml")
def _():
    text = ("Hello,\n\n"
            "I ordered the Linen Shirt in size M (order 88213) and received size XL. The packing slip says M, "
            "the label in the shirt says XL.\n\n"
            "Could you send the right size? I can return the XL with the prepaid label if you include one.\n\n"
            "Thanks,\n"
            "Minsu\n")
    boundary = "_000_PH7PR11MB6522E1F0C2A34B5D9A8C7F1B2E3D4C5APH7PR11MB6522namp_"
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
            '</head>\n<body dir="ltr">\n'
            + "".join('<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, '
                      'Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
                      + (line if line else "<br>") + "</div>\n" for line in text.rstrip("\n").split("\n"))
            + "</body>\n</html>\n")
    head = (ses("minsu.kim@outlook.example", "NAM12-DM6-obe.outbound.protection.outlook.com", "40.107.192.84",
                "help@feedback.example.com", "Mon, 23 Nov 2026 14:02:11 +0000 (UTC)", "c0l2r9f8s3n6j8qkbm31vh9o")
            + "From: \"Kim, Minsu\" <minsu.kim@outlook.example>\n"
            "To: \"help@feedback.example.com\" <help@feedback.example.com>\n"
            "Subject: Wrong size delivered - order 88213\n"
            "Thread-Topic: Wrong size delivered - order 88213\n"
            "Thread-Index: AQHcXHIwQm0s3dVz8UqyEGk6tX0AqA==\n"
            "Date: Mon, 23 Nov 2026 14:02:09 +0000\n"
            "Message-ID:\n"
            " <PH7PR11MB6522E1F0C2A34B5D9A8C7F1B2E3D4C5A@PH7PR11MB6522.namprd11.prod.outlook.com>\n"
            "Accept-Language: en-US\n"
            "Content-Language: en-US\n"
            "X-MS-Has-Attach:\n"
            "X-MS-TNEF-Correlator:\n"
            "msip_labels:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(html).encode("ascii"))),
    ])
    return head, body


@mail("customer", "outlook-ios-en-photo.eml")
def _():
    text = ("Hi, the box arrived crushed and one of the two mugs is broken. Photo attached.\n"
            "Order 71002, delivered today.\n\n"
            "Get Outlook for iOS<https://aka.ms/o0ukef>\n")
    outer = "_004_BY5PR17MB3954C7D1E2F3A4B5C6D7E8F9A0B1C2D3BY5PR17MB3954namp_"
    inner = "_000_BY5PR17MB3954C7D1E2F3A4B5C6D7E8F9A0B1C2D3BY5PR17MB3954namp_"
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n</head>\n'
            '<body>\n<div dir="ltr">Hi, the box arrived crushed and one of the two mugs is broken. Photo attached.</div>\n'
            '<div dir="ltr">Order 71002, delivered today.</div>\n<div dir="ltr"><br>\n</div>\n'
            '<div class="ms-outlook-mobile-signature">\n<div dir="ltr">Get <a href="https://aka.ms/o0ukef">'
            'Outlook for iOS</a></div>\n</div>\n</body>\n</html>\n')
    head = (ses("ethan.park@hotmail.example", "NAM10-BN7-obe.outbound.protection.outlook.com", "40.92.40.61",
                FEEDBACK, "Mon, 23 Nov 2026 08:41:30 +0000 (UTC)", "r1o5k3jpd0c6q7v9e2h1a8m4")
            + "From: Ethan Park <ethan.park@hotmail.example>\n"
            "To: \"feedback@feedback.example.com\" <feedback@feedback.example.com>\n"
            "Subject: Broken mug\n"
            "Thread-Topic: Broken mug\n"
            "Thread-Index: AQHcXEhKbW4e9Qn0K0aR3hJ2v6dP5A==\n"
            "Date: Mon, 23 Nov 2026 08:41:28 +0000\n"
            "Message-ID:\n"
            " <BY5PR17MB3954C7D1E2F3A4B5C6D7E8F9A0B1C2D3@BY5PR17MB3954.namprd17.prod.outlook.com>\n"
            "Accept-Language: en-US\n"
            "Content-Language: en-US\n"
            "X-MS-Has-Attach: yes\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/mixed;\n"
            "\tboundary=\"" + outer + "\"\n"
            "MIME-Version: 1.0")
    alternative = multipart(inner, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(html).encode("ascii"))),
    ])
    body = multipart(outer, [
        part("Content-Type: multipart/alternative;\n\tboundary=\"" + inner + "\"", alternative),
        part("Content-Type: image/jpeg; name=\"IMG_4471.jpg\"\n"
             "Content-Description: IMG_4471.jpg\n"
             "Content-Disposition: attachment; filename=\"IMG_4471.jpg\"; size=2411;\n"
             "\tcreation-date=\"Mon, 23 Nov 2026 08:41:27 GMT\";\n"
             "\tmodification-date=\"Mon, 23 Nov 2026 08:41:27 GMT\"\n"
             "Content-ID: <F3A1C2B4D5E6F708@namprd17.prod.outlook.com>\n"
             "Content-Transfer-Encoding: base64",
             b64(fake_jpeg(2411, 4))),
    ])
    return head, body


@mail("customer", "outlook-desktop-en-windows-1252.eml")
def _():
    text = ("Hi there,\n\n"
            "I\u2019ve been charged \u20ac49.90 twice for order 55120 \u2013 once on 19 Nov and again on 21 Nov.\n"
            "Please refund the second charge; my bank calls it a \u201cduplicate presentment\u201d.\n\n"
            "Regards,\n"
            "Oliver Grant\n")
    boundary = "_000_DB9PR02MB7020A1B2C3D4E5F60718293A4B5C6D7EDB9PR02MB7020eurp_"
    head = (ses("oliver.grant@fabrikam.example", "EUR05-DB8-obe.outbound.protection.outlook.com", "40.107.20.112",
                FEEDBACK, "Mon, 23 Nov 2026 09:03:15 +0000 (UTC)", "2b8e0gq1t7v3c5l9n0p4m6s1")
            + "From: Oliver Grant <oliver.grant@fabrikam.example>\n"
            "To: \"feedback@feedback.example.com\" <feedback@feedback.example.com>\n"
            "Subject: " + ew("Charged twice \u2013 order 55120", "Windows-1252", "cp1252", "Q") + "\n"
            "Thread-Topic: " + ew("Charged twice \u2013 order 55120", "Windows-1252", "cp1252", "Q") + "\n"
            "Thread-Index: AdxcT2sWm1bq3dU8T0mYy7cU1fX9rA==\n"
            "Date: Mon, 23 Nov 2026 09:03:13 +0000\n"
            "Message-ID: <DB9PR02MB7020A1B2C3D4E5F60718293A4B5C6D7E@DB9PR02MB7020.eurprd02.prod.outlook.com>\n"
            "Accept-Language: en-GB, en-US\n"
            "Content-Language: en-GB\n"
            "X-MS-Has-Attach:\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    html = outlook_html(mso(text.rstrip("\n").replace("\u2019", "&#8217;").replace("\u20ac", "&#8364;")
                            .replace("\u2013", "&#8211;").replace("\u201c", "&#8220;").replace("\u201d", "&#8221;")),
                        lang="EN-GB", charset="Windows-1252")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"Windows-1252\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("cp1252"))),
        part("Content-Type: text/html; charset=\"Windows-1252\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(html).encode("cp1252"))),
    ])
    return head, body


@mail("customer", "outlook-desktop-ja-iso-2022-jp.eml")
def _():
    text = ("ご担当者様\n\n"
            "いつもお世話になっております。株式会社サンプルの佐藤です。\n"
            "11月20日に注文した業務用コーヒー豆（注文番号 JP-77120）が、まだ届いておりません。\n"
            "配送状況をご確認いただけますでしょうか。\n\n"
            "よろしくお願いいたします。\n"
            "佐藤 健\n")
    boundary = "----=_NextPart_000_0031_01DC5B7A.4E2D1C60"
    html = ('<html><head><meta http-equiv=Content-Type content="text/html; charset=iso-2022-jp"></head>'
            '<body lang=JA link="#0563C1" vlink="#954F72"><div class=WordSection1>'
            + mso(text.rstrip("\n")) + "</div></body></html>")
    head = (ses("k.sato@sample.example.jp", "mail.sample.example.jp", "198.51.100.40", FEEDBACK,
                "Mon, 23 Nov 2026 02:30:05 +0000 (UTC)", "k8d2j6f0h4l1p9s3u7w5y1a3")
            + "From: " + ew("佐藤 健", "iso-2022-jp", "iso2022_jp") + " <k.sato@sample.example.jp>\n"
            "To: <feedback@feedback.example.com>\n"
            "Subject: " + ew("商品未着のお問い合わせ（注文番号 JP-77120）", "iso-2022-jp", "iso2022_jp") + "\n"
            "Date: Mon, 23 Nov 2026 11:30:02 +0900\n"
            "Message-ID: <003001dc5b2f$e43d1a60$acb74f20$@sample.example.jp>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "Thread-Index: AdxbLuQ9GmCst08gQy6B2RkXw0yV3w==\n"
            "Content-Language: ja")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=\"iso-2022-jp\"\nContent-Transfer-Encoding: 7bit",
             jis_lines(lines(text).rstrip("\r\n").replace("\r\n", "\n")) + b"\r\n"),
        part("Content-Type: text/html;\n\tcharset=\"iso-2022-jp\"\nContent-Transfer-Encoding: quoted-printable",
             qp(jis_lines(html) + b"\r\n")),
    ], preamble="This is a multipart message in MIME format.")
    return head, body


@mail("customer", "outlook-desktop-zh-gb2312.eml")
def _():
    text = ("您好：\n\n"
            "我在11月19日订购的紫砂茶壶（订单号 CN-20261119-356）今天收到了，但是壶盖有裂纹。\n"
            "请问可以换货吗？如需照片我可以补发。\n\n"
            "谢谢！\n"
            "王喆\n")
    boundary = "----=_NextPart_000_0007_01DC5B63.1F2E3D40"
    head = (ses("wang.zhe@mail.example.cn", "smtp.mail.example.cn", "198.51.100.88", FEEDBACK,
                "Mon, 23 Nov 2026 03:15:22 +0000 (UTC)", "e3g7i1k5m9o2q6s0u4w8y2b6")
            + "From: " + ew("王喆", "gb2312", "gbk") + " <wang.zhe@mail.example.cn>\n"
            "To: <feedback@feedback.example.com>\n"
            "Subject: " + ew("茶壶盖有裂纹，申请换货", "gb2312", "gbk") + "\n"
            "Date: Mon, 23 Nov 2026 11:15:20 +0800\n"
            "Message-ID: <000601dc5b20$1e2d3c40$5a87b4c0$@mail.example.cn>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "Thread-Index: AdxbIB4tRk1c9yq7R8uYhD2v0rK3ag==\n"
            "Content-Language: zh-cn")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=\"gb2312\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("gbk"))),
        part("Content-Type: text/html;\n\tcharset=\"gb2312\"\nContent-Transfer-Encoding: base64",
             b64(lines(outlook_html(mso(text.rstrip("\n")), lang="ZH-CN", charset="gb2312")).encode("gbk"))),
    ], preamble="This is a multipart message in MIME format.")
    return head, body


@mail("customer", "outlook-desktop-en-forwarded-message.eml")
def _():
    text = ("Hello,\n\n"
            "The courier says my parcel was delivered, but nothing arrived. Their notice is attached.\n"
            "Order 60231.\n\n"
            "Best,\n"
            "Priya Nair\n")
    courier = crlf("From: Swift Parcel <noreply@swiftparcel.example>\n"
                   "To: priya.nair@northwind.example\n"
                   "Subject: Your parcel SP7781204 has been delivered\n"
                   "Date: Sun, 22 Nov 2026 16:20:00 +0000\n"
                   "Message-ID: <sp7781204.delivered@swiftparcel.example>\n"
                   "MIME-Version: 1.0\n"
                   "Content-Type: text/plain; charset=\"utf-8\"\n"
                   "Content-Transfer-Encoding: 7bit\n"
                   "\n"
                   "Your parcel SP7781204 was delivered at 16:18 and left at the front door.\n").encode("ascii")
    outer = "_004_LV3PR12MB9188F0E1D2C3B4A5968778695A4B3C2DLV3PR12MB9188namp_"
    inner = "_000_LV3PR12MB9188F0E1D2C3B4A5968778695A4B3C2DLV3PR12MB9188namp_"
    head = (ses("priya.nair@northwind.example", "NAM12-MW2-obe.outbound.protection.outlook.com", "40.107.223.50",
                FEEDBACK, "Mon, 23 Nov 2026 10:05:51 +0000 (UTC)", "h2j4l6n8p0r2t4v6x8z0b2d4")
            + "From: Priya Nair <priya.nair@northwind.example>\n"
            "To: \"feedback@feedback.example.com\" <feedback@feedback.example.com>\n"
            "Subject: FW: Your parcel SP7781204 has been delivered\n"
            "Thread-Topic: Your parcel SP7781204 has been delivered\n"
            "Thread-Index: AQHcXIsd0mX7Z2H1yUq3aQ4b8tVq5g==\n"
            "Date: Mon, 23 Nov 2026 10:05:49 +0000\n"
            "Message-ID: <LV3PR12MB9188F0E1D2C3B4A5968778695A4B3C2D@LV3PR12MB9188.namprd12.prod.outlook.com>\n"
            "Accept-Language: en-US\n"
            "Content-Language: en-US\n"
            "X-MS-Has-Attach: yes\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/mixed;\n"
            "\tboundary=\"" + outer + "\"\n"
            "MIME-Version: 1.0")
    alternative = multipart(inner, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(outlook_html(mso(text.rstrip("\n")), lang="EN-US", charset="us-ascii")).encode("ascii"))),
    ])
    body = multipart(outer, [
        part("Content-Type: multipart/alternative;\n\tboundary=\"" + inner + "\"", alternative),
        part("Content-Type: message/rfc822\nContent-Disposition: attachment", courier),
    ])
    return head, body


@mail("customer", "gmail-en-attachments.eml")
def _():
    text = ("Hi,\n\n"
            "My espresso cups (order 40917) arrived today and two of the six are chipped, photos attached.\n"
            "The order confirmation is attached too.\n\n"
            "Could you send two replacements?\n\n"
            "Thanks,\nSarah\n")
    html = ('<div dir="ltr"><div>Hi,</div><div><br></div><div>My espresso cups (order 40917) arrived today and two of '
            'the six are chipped, photos attached.</div><div>The order confirmation is attached too.</div><div><br></div>'
            '<div>Could you send two replacements?</div><div><br></div><div>Thanks,</div><div>Sarah</div></div>\n')
    mixed = "000000000000b5f0a10627a8c1e4"
    alternative = "000000000000b5f09e0627a8c1e2"
    head = (ses("sarah.miller@gmail.example", "mail-wr1-f41.google.example", "209.85.221.41", FEEDBACK,
                "Mon, 23 Nov 2026 12:44:02 +0000 (UTC)", "s0m9l8k7j6h5g4f3d2s1a0q9")
            + "MIME-Version: 1.0\n"
            "From: Sarah Miller <sarah.miller@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 12:43:58 +0000\n"
            "Message-ID: <CAJx9pVnT3kW8rZ2fL4qYm7eH0cN5sB1dG6uA9oXv2Ew8tRk4Jg@mail.gmail.example>\n"
            "Subject: Chipped espresso cups, order 40917\n"
            "To: feedback@feedback.example.com\n"
            "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"")
    body = multipart(mixed, [
        part("Content-Type: multipart/alternative; boundary=\"" + alternative + "\"",
             multipart(alternative, [
                 part("Content-Type: text/plain; charset=\"UTF-8\"", lines(text).encode("ascii")),
                 part("Content-Type: text/html; charset=\"UTF-8\"", html.replace("\n", "\r\n").encode("ascii")),
             ])),
        part("Content-Type: image/jpeg; name=\"PXL_20261123_123702.jpg\"\n"
             "Content-Disposition: attachment; filename=\"PXL_20261123_123702.jpg\"\n"
             "Content-Transfer-Encoding: base64\n"
             "Content-ID: <f_mhx3k2a10>\n"
             "X-Attachment-Id: f_mhx3k2a10", b64(fake_jpeg(4096, 9))),
        part("Content-Type: image/jpeg; name=\"PXL_20261123_123715.jpg\"\n"
             "Content-Disposition: attachment; filename=\"PXL_20261123_123715.jpg\"\n"
             "Content-Transfer-Encoding: base64\n"
             "Content-ID: <f_mhx3k2a21>\n"
             "X-Attachment-Id: f_mhx3k2a21", b64(fake_jpeg(3500, 10))),
        part("Content-Type: application/pdf; name=\"Order confirmation 40917.pdf\"\n"
             "Content-Disposition: attachment; filename=\"Order confirmation 40917.pdf\"\n"
             "Content-Transfer-Encoding: base64\n"
             "Content-ID: <f_mhx3k2a32>\n"
             "X-Attachment-Id: f_mhx3k2a32", b64(fake_pdf(1900, 11))),
    ])
    return head, body


@mail("customer", "gmail-ko-base64.eml")
def _():
    text = ("안녕하세요,\n\n"
            "지난주 금요일에 주문한 무선 청소기(주문번호 K-552019)가 아직 배송 준비 중으로만 나옵니다.\n"
            "이번 주 토요일에 이사를 가야 해서, 그 전에 받을 수 있는지 알려 주시면 감사하겠습니다.\n\n"
            "이하은 드림\n")
    html = ('<div dir="ltr"><div>안녕하세요,</div><div><br></div><div>지난주 금요일에 주문한 무선 청소기(주문번호 K-552019)가 '
            '아직 배송 준비 중으로만 나옵니다.</div><div>이번 주 토요일에 이사를 가야 해서, 그 전에 받을 수 있는지 알려 주시면 '
            '감사하겠습니다.</div><div><br></div><div>이하은 드림</div></div>\n')
    boundary = "0000000000004c1f2b0627a8d3b7"
    head = (ses("haeun.lee@gmail.example", "mail-pj1-f52.google.example", "209.85.216.52", FEEDBACK,
                "Mon, 23 Nov 2026 05:21:40 +0000 (UTC)", "u1y5c9g3k7o1s5w9a3e7i1m5")
            + "MIME-Version: 1.0\n"
            "From: " + ew("이하은", "UTF-8", "utf-8") + " <haeun.lee@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 14:21:36 +0900\n"
            "Message-ID: <CAPq8sW2b7n+Xk3VhT9dLr0yFm4uQe6Zc1Aj5Ro8Ks2Ng7Yv3Hw@mail.gmail.example>\n"
            "Subject: " + ew("무선 청소기 배송 문의 - 이번 주 토요일 전에 받을 수 있을까요?", "UTF-8", "utf-8") + "\n"
            "To: feedback@feedback.example.com\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(html.replace("\n", "\r\n").encode("utf-8"))),
    ])
    return head, body


@mail("customer", "gmail-ja-base64.eml")
def _():
    text = ("お世話になっております。\n\n"
            "先日購入した電気ケトル（注文番号 JP-51433）ですが、お湯が沸いても自動で電源が切れません。\n"
            "保証期間内だと思いますので、交換か修理の方法を教えてください。\n\n"
            "山田 花子\n")
    html = ('<div dir="ltr"><div>お世話になっております。</div><div><br></div><div>先日購入した電気ケトル（注文番号 JP-51433）ですが、'
            'お湯が沸いても自動で電源が切れません。</div><div>保証期間内だと思いますので、交換か修理の方法を教えてください。</div>'
            '<div><br></div><div>山田 花子</div></div>\n')
    boundary = "000000000000e27a3c0627a8d9f1"
    head = (ses("hanako.yamada@gmail.example", "mail-lf1-f43.google.example", "209.85.167.43", FEEDBACK,
                "Mon, 23 Nov 2026 06:02:18 +0000 (UTC)", "b2f6j0n4r8v2z6d0h4l8p2t6")
            + "MIME-Version: 1.0\n"
            "From: " + ew("山田 花子", "UTF-8", "utf-8") + " <hanako.yamada@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 15:02:14 +0900\n"
            "Message-ID: <CAHn3kQ7vR8+mZ1pL5sT2wX9yB6cD0eF4gH7jK1lM3nP8qS5uV@mail.gmail.example>\n"
            "Subject: " + ew("電気ケトルの不具合について", "UTF-8", "utf-8") + "\n"
            "To: feedback@feedback.example.com\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(html.replace("\n", "\r\n").encode("utf-8"))),
    ])
    return head, body


@mail("customer", "gmail-zh-tw-quoted-printable.eml")
def _():
    text = ("Hello,\n\n"
            "I ordered the bamboo steamer set (order TW-30877) for my mother in Taipei. "
            "She says the lid does not fit: 蒸籠的蓋子太小，蓋不上去。\n"
            "Could you ship a replacement lid to the same address?\n\n"
            "Thank you,\n"
            "陳怡君 (Yi-Chun Chen)\n")
    html = ('<div dir="ltr">Hello,<div><br></div><div>I ordered the bamboo steamer set (order TW-30877) for my mother '
            'in Taipei. She says the lid does not fit: 蒸籠的蓋子太小，蓋不上去。</div><div>Could you ship a replacement lid '
            'to the same address?</div><div><br></div><div>Thank you,</div><div>陳怡君 (Yi-Chun Chen)</div></div>\n')
    boundary = "000000000000f18b4d0627a8e6a3"
    head = (ses("yichun.chen@gmail.example", "mail-oa1-f46.google.example", "209.85.160.46", FEEDBACK,
                "Mon, 23 Nov 2026 07:12:55 +0000 (UTC)", "c3g7k1o5s9w3a7e1i5m9q3u7")
            + "MIME-Version: 1.0\n"
            "From: " + ew("陳怡君", "UTF-8", "utf-8") + " <yichun.chen@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 15:12:51 +0800\n"
            "Message-ID: <CAEw5rT1yU2+iO3pA4sD5fG6hJ7kL8zX9cV0bN1mQ2wE3rT4yU@mail.gmail.example>\n"
            "Subject: Steamer lid does not fit (order TW-30877)\n"
            "To: feedback@feedback.example.com\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable",
             qp(html.replace("\n", "\r\n").encode("utf-8"))),
    ])
    return head, body


@mail("customer", "apple-mail-macos-fr-iso-8859-1.eml")
def _():
    text = ("Bonjour,\n\n"
            "J'ai re\u00e7u ma commande n\u00b0 FR-4471 hier, mais la th\u00e9i\u00e8re est arriv\u00e9e cass\u00e9e "
            "et le couvercle manque.\n"
            "Pourriez-vous m'envoyer une nouvelle th\u00e9i\u00e8re\u00a0? Je peux renvoyer les morceaux.\n\n"
            "Merci d'avance,\n"
            "H\u00e9l\u00e8ne Dubois\n")
    head = (ses("helene.dubois@icloud.example", "mr85p00im-ztdg06011201.me.example", "17.58.23.181", FEEDBACK,
                "Mon, 23 Nov 2026 08:15:44 +0000 (UTC)", "d4h8l2p6t0x4b8f2j6n0r4v8")
            + "From: " + ew("H\u00e9l\u00e8ne Dubois", "iso-8859-1", "latin-1", "Q") + " <helene.dubois@icloud.example>\n"
            "Content-Type: text/plain;\n"
            "\tcharset=iso-8859-1\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))\n"
            "Subject: " + ew("Th\u00e9i\u00e8re cass\u00e9e - commande FR-4471",
                             "iso-8859-1", "latin-1", "Q") + "\n"
            "Message-Id: <5E2C1A7F-3B9D-4E8A-A6C1-7D2F0B9E4C31@icloud.example>\n"
            "Date: Mon, 23 Nov 2026 09:15:40 +0100\n"
            "To: feedback@feedback.example.com\n"
            "X-Mailer: Apple Mail (2.3826.200.121)")
    return head, qp(lines(text).encode("latin-1"))


@mail("customer", "apple-mail-macos-ja-iso-2022-jp-flowed.eml")
def _():
    paragraphs = [
        "お世話になります。",
        "",
        ["先日注文した抹茶セット（注文番号 JP-30418）", "ですが、届いた箱の中に茶筅が入っていませんでし", "た。"],
        ["お手数ですが、茶筅だけ追加で送っていただけ", "ますでしょうか。"],
        "",
        "中村 陽子",
    ]
    body_text = flowed(paragraphs, 76)
    body = b"\r\n".join(iso2022jp_ms(line.rstrip(" ")) + (b" " if line.endswith(" ") else b"")
                        for line in body_text.split("\n")) + b"\r\n"
    head = (ses("yoko.nakamura@icloud.example", "mr85p00im-hyfv06021401.me.example", "17.58.38.51", FEEDBACK,
                "Mon, 23 Nov 2026 04:48:09 +0000 (UTC)", "f6j0n4r8v2z6d0h4l8p2t6x0")
            + "From: " + ew("中村 陽子", "iso-2022-jp", "iso2022_jp") + " <yoko.nakamura@icloud.example>\n"
            "Content-Type: text/plain;\n"
            "\tcharset=iso-2022-jp;\n"
            "\tformat=flowed;\n"
            "\tdelsp=yes\n"
            "Content-Transfer-Encoding: 7bit\n"
            "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))\n"
            "Subject: " + ew("抹茶セットの茶筅が入っていませんでした", "iso-2022-jp", "iso2022_jp") + "\n"
            "Message-Id: <A1B2C3D4-E5F6-4071-8293-A4B5C6D7E8F9@icloud.example>\n"
            "Date: Mon, 23 Nov 2026 13:48:05 +0900\n"
            "To: feedback@feedback.example.com\n"
            "X-Mailer: Apple Mail (2.3826.200.121)")
    return head, body


@mail("customer", "apple-mail-macos-zh-gb18030.eml")
def _():
    text = ("你好，\n\n"
            "我上周买的羊毛围巾（订单号 CN-88310）颜色和网页上的图片差别很大，想申请退货退款。\n"
            "请告诉我退货地址，谢谢👍\n\n"
            "刘洋\n")
    head = (ses("liu.yang@icloud.example", "mr85p00im-ztdg06021801.me.example", "17.58.23.190", FEEDBACK,
                "Mon, 23 Nov 2026 02:05:31 +0000 (UTC)", "g7k1o5s9w3a7e1i5m9q3u7y1")
            + "From: " + ew("刘洋", "GB18030", "gb18030") + " <liu.yang@icloud.example>\n"
            "Content-Type: text/plain;\n"
            "\tcharset=GB18030\n"
            "Content-Transfer-Encoding: base64\n"
            "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))\n"
            "Subject: " + ew("围巾颜色不符，申请退货", "GB18030", "gb18030") + "\n"
            "Message-Id: <0F1E2D3C-4B5A-4968-8776-655443322110@icloud.example>\n"
            "Date: Mon, 23 Nov 2026 10:05:27 +0800\n"
            "To: feedback@feedback.example.com\n"
            "X-Mailer: Apple Mail (2.3826.200.121)")
    return head, b64(lines(text).encode("gb18030"))


@mail("customer", "iphone-mail-ko-photo-no-subject.eml")
def _():
    text_before = "택배 상자가 다 젖은 채로 왔어요. 사진 보내드립니다.\n주문번호 K-610284 입니다.\n"
    text_after = "\n\niPhone에서 보냄\n"
    boundary = "Apple-Mail-4E1B7C2A-9D3F-4A6E-B8C5-1F0E2D3C4B5A"
    head = (ses("minji.choi@icloud.example", "mr85p00im-zteg06023901.me.example", "17.58.63.177", FEEDBACK,
                "Mon, 23 Nov 2026 11:31:12 +0000 (UTC)", "h8l2p6t0x4b8f2j6n0r4v8z2")
            + "Content-Type: multipart/mixed; boundary=" + boundary + "\n"
            "Content-Transfer-Encoding: 7bit\n"
            "From: " + ew("최민지", "utf-8", "utf-8") + " <minji.choi@icloud.example>\n"
            "Mime-Version: 1.0 (1.0)\n"
            "Date: Mon, 23 Nov 2026 20:31:08 +0900\n"
            "Message-Id: <7C3E9A1B-2D4F-4B6A-8E0C-5F1A3B7D9E2C@icloud.example>\n"
            "To: feedback@feedback.example.com\n"
            "X-Mailer: iPhone Mail (23B85)")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=utf-8\nContent-Transfer-Encoding: base64",
             b64(lines(text_before).encode("utf-8"))),
        part("Content-Type: image/jpeg;\n\tname=image0.jpeg;\n\tx-apple-part-url=8E2F4A6C-1B3D-4F5A-9C7E-0D2B4F6A8C1E\n"
             "Content-Disposition: inline;\n\tfilename=image0.jpeg\nContent-Transfer-Encoding: base64",
             b64(fake_jpeg(5120, 16))),
        part("Content-Type: text/plain;\n\tcharset=utf-8\nContent-Transfer-Encoding: base64",
             b64(lines(text_after).encode("utf-8"))),
    ])
    return head, body


@mail("customer", "thunderbird-en-flowed.eml")
def _():
    paragraphs = [
        "Hello,",
        "",
        "I ordered the walnut desk organiser (order 60072) on 14 November, and the tracking page has said "
        "\"label created\" for nine days now. Nobody at the courier can tell me where it is, and the phone "
        "line only repeats the same status.",
        "",
        "Could you check with them, or send a new one if the first is lost?",
        "",
        "Kind regards,",
        "Tom Becker",
    ]
    head = (ses("tom.becker@posteo.example", "mout01.posteo.example", "185.67.36.65", FEEDBACK,
                "Mon, 23 Nov 2026 15:40:21 +0000 (UTC)", "j0n4r8v2z6d0h4l8p2t6x0b4")
            + "Message-ID: <8d2f0c4a-6b1e-4f7d-9a3c-2e5b7d9f1a3c@posteo.example>\n"
            "Date: Mon, 23 Nov 2026 16:40:19 +0100\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Content-Language: en-GB\n"
            "To: feedback@feedback.example.com\n"
            "From: Tom Becker <tom.becker@posteo.example>\n"
            "Subject: Parcel stuck at \"label created\" for nine days\n"
            "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
            "Content-Transfer-Encoding: 7bit")
    return head, lines(flowed(paragraphs, 72)).encode("ascii")


@mail("customer", "thunderbird-ko-rfc2231-attachment.eml")
def _():
    paragraphs = [
        "안녕하세요.",
        "",
        "어제 받은 원목 의자의 다리 하나가 다른 다리보다 짧아서 앉을 때마다 흔들립니다. 조립 설명서대로 "
        "조립했고, 바닥이 평평한 곳에서도 마찬가지입니다. 사진을 첨부합니다.",
        "",
        "교환이 가능한지 알려 주세요.",
        "",
        "정우성",
    ]
    boundary = "------------kP7vQ2xR9mT4wL1sZ8nB3cD6"
    file_name = "의자_다리_길이_비교_사진_2026년11월23일.jpg"
    encoded = "".join("%%%02X" % b if b >= 0x80 or chr(b) in " %'*" else chr(b) for b in file_name.encode("utf-8"))
    pieces = [encoded[i:i + 60] for i in range(0, len(encoded), 60)]
    # never cut an escape apart: move a dangling "%" or "%X" to the next piece
    fixed = []
    carry = ""
    for piece in pieces:
        piece = carry + piece
        cut = len(piece)
        if "%" in piece[-2:]:
            cut = piece.rindex("%", len(piece) - 2)
        fixed.append(piece[:cut])
        carry = piece[cut:]
    if carry:
        fixed.append(carry)
    disposition = "Content-Disposition: attachment;\n" + ";\n".join(
        " filename*%d*=%s%s" % (i, "UTF-8''" if i == 0 else "", piece) for i, piece in enumerate(fixed))
    head = (ses("woosung.jung@daum.example", "mail.example.kr", "203.0.113.77", FEEDBACK,
                "Mon, 23 Nov 2026 00:57:03 +0000 (UTC)", "l2p6t0x4b8f2j6n0r4v8z2d6")
            + "Message-ID: <3f6a9c2e-7b1d-4e8f-a0c3-5d7e9f1b3a5c@daum.example>\n"
            "Date: Mon, 23 Nov 2026 09:57:00 +0900\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Content-Language: ko\n"
            "To: feedback@feedback.example.com\n"
            "From: " + ew("정우성", "UTF-8", "utf-8") + " <woosung.jung@daum.example>\n"
            "Subject: " + ew("원목 의자 다리 길이가 달라요", "UTF-8", "utf-8") + "\n"
            "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit",
             lines(flowed(paragraphs, 40)).encode("utf-8")),
        part("Content-Type: image/jpeg; name=\"" + ew(file_name, "UTF-8", "utf-8", fold="\n ") + "\"\n"
             + disposition + "\n"
             "Content-Transfer-Encoding: base64", b64(fake_jpeg(2222, 18), 72)),
    ], preamble="This is a multi-part message in MIME format.")
    return head, body


@mail("customer", "thunderbird-ja-iso-2022-jp-nec-specials.eml")
def _():
    text = ("株式会社サンプル\nご担当者様\n\n"
            "以下の２点について確認させてください。\n"
            "①届いた本棚の棚板が１枚足りません。\n"
            "②組立説明書のネジの本数が実物と違います。\n\n"
            "注文番号：JP-90215\n"
            "高橋 誠\n")
    head = (ses("makoto.takahashi@example.ne.jp", "mail.example.ne.jp", "198.51.100.123", FEEDBACK,
                "Mon, 23 Nov 2026 01:33:47 +0000 (UTC)", "n4r8v2z6d0h4l8p2t6x0b4f8")
            + "Message-ID: <b2c4e6f8-0a1c-4e3d-9f5b-7a9c1e3d5f7b@example.ne.jp>\n"
            "Date: Mon, 23 Nov 2026 10:33:45 +0900\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Content-Language: ja\n"
            "To: feedback@feedback.example.com\n"
            "From: " + ew("高橋 誠", "ISO-2022-JP", "iso2022_jp") + " <makoto.takahashi@example.ne.jp>\n"
            "Subject: " + ew("本棚の部品不足について", "ISO-2022-JP", "iso2022_jp") + "\n"
            "Content-Type: text/plain; charset=ISO-2022-JP\n"
            "Content-Transfer-Encoding: 7bit")
    return head, jis_lines(text.rstrip("\n")) + b"\r\n"


@mail("customer", "thunderbird-ja-shift_jis.eml")
def _():
    text = ("お世話になっております。\n\n"
            "11月21日～22日の配達指定で注文したお節料理の予約（注文番号 JP-11830）について、\n"
            "①配達日を12月30日に変更できますか。\n"
            "②変更できない場合はキャンセルをお願いします。\n\n"
            "髙木 真一\n")
    head = (ses("shinichi.takagi@example.or.jp", "mail.example.or.jp", "198.51.100.201", FEEDBACK,
                "Mon, 23 Nov 2026 06:20:58 +0000 (UTC)", "p6t0x4b8f2j6n0r4v8z2d6h0")
            + "Message-ID: <c4d6e8f0-2b4d-4f6a-8c0e-1a3c5e7a9c1e@example.or.jp>\n"
            "Date: Mon, 23 Nov 2026 15:20:56 +0900\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Content-Language: ja\n"
            "To: feedback@feedback.example.com\n"
            "From: " + ew("髙木 真一", "Shift_JIS", "cp932") + " <shinichi.takagi@example.or.jp>\n"
            "Subject: " + ew("お節料理の配達日変更のお願い", "Shift_JIS", "cp932") + "\n"
            "Content-Type: text/plain; charset=Shift_JIS\n"
            "Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("cp932")


def naver_html(paragraphs_html):
    """Naver Mail's HTML-only body: a <div> per line, <br> for empty ones, its read-receipt pixel."""
    return ('<div style="font-family: \'Nanum Gothic\', 나눔고딕, sans-serif; font-size: 10pt; line-height: 1.5;">'
            + paragraphs_html
            + '</div><img src=\'https://mail.naver.example/readReceipt/notify/?img=Kq%2BwFzU9MoUdFqEdaAvdKxgmaAvmKqt'
              'waxvlMrKrK4Mq%2BZtqMrkr.gif\' border=0 width=1 height=1 style=\'border:0 none;display:none\' />')


@mail("customer", "naver-html-only-ko.eml")
def _():
    html = naver_html(
        '<div>안녕하세요, 고객센터 담당자님.</div>'
        '<div><br></div>'
        '<div>11월 16일에 주문한 <b>겨울 이불 세트</b>(주문번호 N-204417)를 아직 받지 못했습니다.</div>'
        '<div>배송 조회를 하면 &quot;배송 준비 중&quot;으로만 나오고, 판매자 연락처로는 전화 연결이 안 됩니다.</div>'
        '<div><br></div>'
        '<div>언제쯤 받을 수 있는지 알려 주세요.</div>'
        '<div>감사합니다.</div>'
        '<div>&nbsp;</div>'
        '<div>한소희 드림</div>')
    head = (ses("sohee.han@naver.example", "cvnsmtp012.nm.naver.example", "125.209.224.12", FEEDBACK,
                "Mon, 23 Nov 2026 04:10:37 +0000 (UTC)", "r8v2z6d0h4l8p2t6x0b4f8j2")
            + "X-Session-ID: mMu+6aZ2SOyLW-6d3y70yw\n"
            "X-Originating-IP: 211.36.142.77\n"
            "X-Works-Send-Opt: k/YdjAJYjHmlKxu/FoJYKxgXKBwkx0eFjAJYKg==\n"
            "X-Works-Smtp-Source: sZYXKqMqFqJZ+Hm9aAgZ+6E=\n"
            "Date: Mon, 23 Nov 2026 13:10:35 +0900\n"
            "From: \"" + ew("한소희", "utf-8", "utf-8") + "\" <sohee.han@naver.example>\n"
            "To: <feedback@feedback.example.com>\n"
            "Message-ID: <2a6f1c9e8b7d4e0f3a5c@cweb011.nm.naver.example>\n"
            "Subject: " + ew("겨울 이불 세트 배송 문의드립니다", "utf-8", "utf-8") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/html; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n"
            "X-Naver-CIP: 211.36.142.77")
    return head, b64(html.encode("utf-8"))


@mail("customer", "naver-ko-xlsx-attachment.eml")
def _():
    html = naver_html(
        '<div>안녕하세요.</div>'
        '<div>회사 단체 주문 건(주문번호 N-300981) 수량이 엑셀 파일과 다르게 들어왔습니다.</div>'
        '<div>요청한 수량과 실제 받은 수량을 정리해서 첨부합니다. 확인 부탁드립니다.</div>'
        '<div><br></div>'
        '<div>서강준 과장 드림</div>')
    boundary = "----=_Part_482210_1193846204.1764047311924"
    file_name = "단체주문_수량비교_N-300981.xlsx"
    head = (ses("kangjun.seo@naver.example", "cvnsmtp007.nm.naver.example", "125.209.224.7", FEEDBACK,
                "Mon, 23 Nov 2026 05:08:33 +0000 (UTC)", "t0x4b8f2j6n0r4v8z2d6h0l4")
            + "X-Session-ID: Q8s2b7dFR1GxhC5wJp0nVg\n"
            "X-Originating-IP: 175.223.10.91\n"
            "X-Works-Send-Opt: x/YqjAIYjHmlKxu/FoJYKxgXKBwkx0eFjAJYKg==\n"
            "X-Works-Smtp-Source: VZnXaAM9FqJZ+Hm/KoUZ+6E=\n"
            "Date: Mon, 23 Nov 2026 14:08:31 +0900\n"
            "From: \"" + ew("서강준", "utf-8", "utf-8") + "\" <kangjun.seo@naver.example>\n"
            "To: <feedback@feedback.example.com>\n"
            "Message-ID: <7d1e3f5a9b2c4d6e8f0a@cweb007.nm.naver.example>\n"
            "Subject: " + ew("단체 주문 수량 오류 확인 요청", "utf-8", "utf-8") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; \n"
            "\tboundary=\"" + boundary + "\"\n"
            "X-Naver-CIP: 175.223.10.91")
    body = multipart(boundary, [
        part("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64", b64(html.encode("utf-8"))),
        part("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\""
             + ew(file_name, "UTF-8", "utf-8", fold="\n\t") + "\"\n"
             "Content-Transfer-Encoding: base64\n"
             "Content-Disposition: attachment; filename=\"" + ew(file_name, "UTF-8", "utf-8", fold="\n\t") + "\"",
             b64(fake_file(6000, 22, b"PK\x03\x04\x14\x00\x06\x00"))),
    ])
    return head, body


@mail("customer", "daum-html-qp-ko.eml")
def _():
    html = ('<p>안녕하세요,</p><p><br></p>'
            '<p>지난번에 산 가습기 필터를 교체하려고 하는데, 홈페이지에 있는 필터(모델 HF-20)가 제 가습기에 맞는지 모르겠습니다.</p>'
            '<p>제 가습기 모델명은 HM-2024S 입니다. 맞는 필터를 알려 주시면 바로 주문하겠습니다.</p>'
            '<p><br></p><p>윤아름 드림</p>')
    head = (ses("areum.yoon@hanmail.example", "mail-hmail-was5.example.net", "203.133.181.12", FEEDBACK,
                "Mon, 23 Nov 2026 10:47:16 +0000 (UTC)", "v2z6d0h4l8p2t6x0b4f8j2n6")
            + "X-Hermes-Message-Id: nANJl9s2f0481234567\n"
            "Date: Mon, 23 Nov 2026 19:47:14 +0900 (KST)\n"
            "From: " + ew("윤아름", "utf-8", "utf-8") + " <areum.yoon@hanmail.example>\n"
            "To: feedback@feedback.example.com\n"
            "Message-ID: <20261123194714.Qe8sT1vUwXyZ2aB3cD4eFg@areum.yoon.hanmail.example>\n"
            "Subject: " + ew_split_bytes("가습기 필터 호환 문의", "UTF-8", "utf-8", 14) + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/html; charset=\"UTF-8\"\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "X-Mailer: Daum Mint Web 1.0\n"
            "X-Originating-IP: [211.234.201.44]\n"
            "X-HM-UT: F2wJHMKgMsywFZA4vMIKVOOyvwRqoW6DrgWMVLVAkXo=")
    return head, qp(lines(html).encode("utf-8"))


@mail("customer", "java-groupware-ja-cp50220.eml")
def _():
    text = ("ご担当者様\n\n"
            "法人向けプランの請求書（請求番号 INV-2026-1184）の金額が見積りと異なっています。\n"
            "①見積り：￥48,000\n"
            "②請求額：￥52,800\n"
            "差額の理由を教えてください。\n\n"
            "経理部 小林 翔\n")
    head = (ses("sho.kobayashi@corp.example.co.jp", "mx.corp.example.co.jp", "198.51.100.64", FEEDBACK,
                "Mon, 23 Nov 2026 03:02:25 +0000 (UTC)", "x4b8f2j6n0r4v8z2d6h0l4p8")
            + "Date: Mon, 23 Nov 2026 12:02:22 +0900 (JST)\n"
            "From: " + ew("小林 翔", "CP50220", "iso2022_jp") + " <sho.kobayashi@corp.example.co.jp>\n"
            "To: feedback@feedback.example.com\n"
            "Message-ID: <1093875540.4411.1764039742218@groupware.corp.example.co.jp>\n"
            "Subject: " + ew("請求金額の相違について", "CP50220", "iso2022_jp") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=CP50220\n"
            "Content-Transfer-Encoding: 7bit\n"
            "X-Mailer: Groupware Mail 9.2 (JavaMail)")
    return head, jis_lines(text.rstrip("\n")) + b"\r\n"


@mail("customer", "java-groupware-ja-x-windows-iso2022jp.eml")
def _():
    text = ("お世話になっております。\n\n"
            "社内研修用に注文したノートＰＣスタンド（注文番号 JP-40562）ですが、\n"
            "Ⅲ型を20台注文したところ、Ⅱ型が20台届きました。\n"
            "交換の手配をお願いできますでしょうか。\n\n"
            "総務課 松本 愛\n")
    head = (ses("ai.matsumoto@corp2.example.co.jp", "mx.corp2.example.co.jp", "198.51.100.65", FEEDBACK,
                "Mon, 23 Nov 2026 04:11:09 +0000 (UTC)", "z6d0h4l8p2t6x0b4f8j2n6r0")
            + "Date: Mon, 23 Nov 2026 13:11:06 +0900 (JST)\n"
            "From: " + ew("松本 愛", "x-windows-iso2022jp", "iso2022_jp") + " <ai.matsumoto@corp2.example.co.jp>\n"
            "To: feedback@feedback.example.com\n"
            "Message-ID: <553102887.1208.1764043866451@groupware.corp2.example.co.jp>\n"
            "Subject: " + ew("注文と異なる型番の商品が届きました", "x-windows-iso2022jp", "iso2022_jp") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=x-windows-iso2022jp\n"
            "Content-Transfer-Encoding: 7bit\n"
            "X-Mailer: Groupware Mail 9.2 (JavaMail)")
    return head, jis_lines(text.rstrip("\n")) + b"\r\n"


@mail("customer", "legacy-ko-iso-2022-kr.eml")
def _():
    text = ("안녕하십니까.\n\n"
            "지난달 구입한 전자사전의 화면이 켜지지 않습니다.\n"
            "보증서는 가지고 있습니다. 수리 접수 방법을 알려 주십시오.\n\n"
            "배용준 올림\n")
    body = lines(text).encode("iso2022_kr")
    head = (ses("yongjun.bae@kornet.example", "mail.kornet.example", "203.0.113.140", FEEDBACK,
                "Mon, 23 Nov 2026 07:55:49 +0000 (UTC)", "b8f2j6n0r4v8z2d6h0l4p8t2")
            + "Date: Mon, 23 Nov 2026 16:55:47 +0900 (KST)\n"
            "From: " + ew("배용준", "EUC-KR", "euc_kr") + " <yongjun.bae@kornet.example>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: " + ew("전자사전 수리 문의", "EUC-KR", "euc_kr") + "\n"
            "Message-ID: <Pine.LNX.4.64.2611231655470.9981@mail.kornet.example>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: TEXT/PLAIN; charset=ISO-2022-KR\n"
            "Content-Transfer-Encoding: 7BIT")
    return head, body


@mail("customer", "legacy-ko-euc-kr-no-charset.eml")
def _():
    text = ("주문한 김장용 고무장갑이 사이즈가 너무 작습니다.\n"
            "대(L) 사이즈로 교환 가능한지 문의드립니다. 주문번호는 K-771205 입니다.\n\n"
            "오정민\n")
    head = (ses("jungmin.oh@chollian.example", "mail.chollian.example", "203.0.113.150", FEEDBACK,
                "Mon, 23 Nov 2026 09:12:30 +0000 (UTC)", "d0h4l8p2t6x0b4f8j2n6r0v4")
            + "Date: Mon, 23 Nov 2026 18:12:28 +0900\n"
            "From: " + ew("오정민", "euc-kr", "euc_kr") + " <jungmin.oh@chollian.example>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: " + ew("고무장갑 사이즈 교환 문의", "euc-kr", "euc_kr") + "\n"
            "Message-ID: <200611230912.AA01234@mail.chollian.example>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain\n"
            "Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("euc_kr")


@mail("customer", "legacy-ko-euc-kr-raw-8bit-headers.eml")
def _():
    text = ("안녕하세요.\n"
            "어제 도착한 전기장판에서 탄 냄새가 납니다. 사용해도 괜찮은지 걱정됩니다.\n"
            "환불이나 교환을 원합니다.\n\n"
            "홍길동\n")
    head = (ses("gildong.hong@hitel.example", "mail.hitel.example", "203.0.113.160", FEEDBACK,
                "Mon, 23 Nov 2026 10:21:44 +0000 (UTC)", "f2j6n0r4v8z2d6h0l4p8t2x6")
            + "Date: Mon, 23 Nov 2026 19:21:42 +0900\n").encode("ascii") \
        + "From: \"홍길동\" <gildong.hong@hitel.example>\n".encode("euc_kr") \
        + b"To: feedback@feedback.example.com\n" \
        + "Subject: 전기장판에서 탄 냄새가 납니다\n".encode("euc_kr") \
        + (b"Message-ID: <20261123192142.12345@mail.hitel.example>\n"
           b"MIME-Version: 1.0\n"
           b"Content-Type: text/plain; charset=euc-kr\n"
           b"Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("euc_kr")


@mail("customer", "wrong-label-iso-8859-1-utf8-ko.eml")
def _():
    text = ("안녕하세요. 지난주에 주문한 운동화(주문번호 K-930114)를 교환하고 싶습니다.\n"
            "260mm를 주문했는데 발볼이 좁아서 265mm로 바꾸고 싶어요.\n\n"
            "강다니엘\n")
    head = (ses("daniel.kang@example.kr", "mail.example.kr", "203.0.113.170", FEEDBACK,
                "Mon, 23 Nov 2026 11:40:02 +0000 (UTC)", "h4l8p2t6x0b4f8j2n6r0v4z8")
            + "Date: Mon, 23 Nov 2026 20:40:00 +0900\n"
            "From: " + ew("강다니엘", "iso-8859-1", "utf-8") + " <daniel.kang@example.kr>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: " + ew("운동화 사이즈 교환 요청", "iso-8859-1", "utf-8") + "\n"
            "Message-ID: <20261123204000.5f3a@example.kr>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=iso-8859-1\n"
            "Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("utf-8")


@mail("customer", "wrong-label-euc-kr-utf8-ko.eml")
def _():
    text = ("쇼핑몰에서 결제한 포인트가 사라졌습니다.\n"
            "어제까지 12,400 포인트가 있었는데 오늘 로그인하니 0 포인트로 나옵니다. 확인 부탁드립니다.\n\n"
            "임수정\n")
    head = (ses("soojung.lim@example.kr", "mail.example.kr", "203.0.113.171", FEEDBACK,
                "Mon, 23 Nov 2026 12:02:40 +0000 (UTC)", "j6n0r4v8z2d6h0l4p8t2x6b0")
            + "Date: Mon, 23 Nov 2026 21:02:38 +0900\n"
            "From: " + ew("임수정", "euc-kr", "utf-8") + " <soojung.lim@example.kr>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: " + ew("포인트가 사라졌어요", "euc-kr", "utf-8") + "\n"
            "Message-ID: <20261123210238.7c1e@example.kr>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=euc-kr\n"
            "Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("utf-8")


# ------------------------------------------------------------------ later mails of a thread
# {{FEEDBACK_ID}} and {{ACK_MESSAGE_ID}} are filled in by the test from the acknowledgement that
# the earlier mail (named in expected.json, "after") received.

@mail("customer", "thread-gmail-en-reply-to-acknowledgement.eml")
def _():
    text = ("One more thing: the saucers are fine, it is only the cups.\n\n"
            "On Mon, Nov 23, 2026 at 12:44 PM Jeff <qmark@example.com> wrote:\n\n"
            "> Hello Sarah Miller,\n"
            ">\n"
            "> Thank you for writing. Your message has reached the person who owns it,\n"
            "> and they will answer you personally.\n"
            "> If there is anything to add, just reply to this mail.\n"
            ">\n"
            "> Reference: [Q-{{FEEDBACK_ID}}]\n"
            ">\n"
            "> Jeff\n"
            ">\n")
    boundary = "0000000000003d9e7f0627a8f2b5"
    head = (ses("sarah.miller@gmail.example", "mail-wr1-f42.google.example", "209.85.221.42", FEEDBACK,
                "Mon, 23 Nov 2026 13:02:11 +0000 (UTC)", "l8p2t6x0b4f8j2n6r0v4z8d2")
            + "MIME-Version: 1.0\n"
            "References: <{{ACK_MESSAGE_ID}}>\n"
            "In-Reply-To: <{{ACK_MESSAGE_ID}}>\n"
            "From: Sarah Miller <sarah.miller@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 13:02:07 +0000\n"
            "Message-ID: <CAJx9pVmQ7+R2kW8fL4tYz1eH3cN6sB9dG0uA5oXv7Ew2tRk8Jh@mail.gmail.example>\n"
            "Subject: Re: Chipped espresso cups, order 40917 [Q-{{FEEDBACK_ID}}]\n"
            "To: Jeff <feedback@feedback.example.com>\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    html = ('<div dir="ltr">One more thing: the saucers are fine, it is only the cups.</div><br><div class="gmail_quote">'
            '<div dir="ltr" class="gmail_attr">On Mon, Nov 23, 2026 at 12:44 PM Jeff &lt;<a href="mailto:qmark@example.com">'
            'qmark@example.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            'border-left:1px solid rgb(204,204,204);padding-left:1ex">Hello Sarah Miller,<br><br>Thank you for writing. '
            'Your message has reached the person who owns it, and they will answer you personally.<br>If there is anything '
            'to add, just reply to this mail.<br><br>Reference: [Q-{{FEEDBACK_ID}}]<br><br>Jeff<br></blockquote></div>\n')
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"", lines(text).encode("ascii")),
        part("Content-Type: text/html; charset=\"UTF-8\"", html.replace("\n", "\r\n").encode("ascii")),
    ])
    return head, body


@mail("customer", "thread-outlook-out-of-office-to-acknowledgement.eml")
def _():
    text = ("I am out of the office until Monday 30 November with limited access to email.\n"
            "For urgent matters please contact accounts@fabrikam.example.\n")
    boundary = "_000_DB9PR02MB7020B2C3D4E5F6071829304A5B6C7D8EDB9PR02MB7020eurp_"
    head = (ses("oliver.grant@fabrikam.example", "EUR05-DB8-obe.outbound.protection.outlook.com", "40.107.20.113",
                FEEDBACK, "Mon, 23 Nov 2026 09:03:20 +0000 (UTC)", "n0r4v8z2d6h0l4p8t2x6b0f4")
            + "From: Oliver Grant <oliver.grant@fabrikam.example>\n"
            "To: Jeff <feedback@feedback.example.com>\n"
            "Subject: Automatic reply: Re: " + ew("Charged twice \u2013 order 55120", "Windows-1252", "cp1252", "Q")
            + " [Q-{{FEEDBACK_ID}}]\n"
            "Thread-Topic: Re: Charged twice [Q-{{FEEDBACK_ID}}]\n"
            "Thread-Index: AQHcXFAd8wGqK0UuXkmvO3pJ8sQ2Cg==\n"
            "Date: Mon, 23 Nov 2026 09:03:19 +0000\n"
            "Message-ID: <DB9PR02MB7020B2C3D4E5F6071829304A5B6C7D8E@DB9PR02MB7020.eurprd02.prod.outlook.com>\n"
            "References: <{{ACK_MESSAGE_ID}}>\n"
            "In-Reply-To: <{{ACK_MESSAGE_ID}}>\n"
            "Auto-Submitted: auto-replied\n"
            "X-MS-Exchange-Inbox-Rules-Loop: oliver.grant@fabrikam.example\n"
            "X-MS-Has-Attach:\n"
            "X-Auto-Response-Suppress: All\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(outlook_html(mso(text.rstrip("\n")), lang="EN-GB", charset="us-ascii")).encode("ascii"))),
    ])
    return head, body


# ------------------------------------------------------------------------------------- robots
# Mail no person wrote: none may become feedback, none may be answered.

@mail("customer", "robot-outlook-out-of-office.eml")
def _():
    text = ("Thank you for your message. I am on leave until 1 December.\n"
            "Your email will not be forwarded. For anything urgent, please call +44 20 7946 0000.\n")
    boundary = "_000_AM0PR07MB4420C3D4E5F60718293A4B5C6D7E8F9AAM0PR07MB4420eurp_"
    head = (ses("lucy.wong@contoso.example", "EUR03-AM0-obe.outbound.protection.outlook.com", "40.107.6.70",
                FEEDBACK, "Mon, 23 Nov 2026 10:30:02 +0000 (UTC)", "p2t6x0b4f8j2n6r0v4z8d2h6")
            + "From: Lucy Wong <lucy.wong@contoso.example>\n"
            "To: \"feedback@feedback.example.com\" <feedback@feedback.example.com>\n"
            "Subject: Automatic reply: Our order 5521 from last week\n"
            "Thread-Topic: Our order 5521 from last week\n"
            "Thread-Index: AQHcXJ1kR3Z2nWm5t0u9Kc3L1vq8Jw==\n"
            "Date: Mon, 23 Nov 2026 10:30:01 +0000\n"
            "Message-ID: <AM0PR07MB4420C3D4E5F60718293A4B5C6D7E8F9A@AM0PR07MB4420.eurprd07.prod.outlook.com>\n"
            "Auto-Submitted: auto-replied\n"
            "X-MS-Exchange-Inbox-Rules-Loop: lucy.wong@contoso.example\n"
            "X-MS-Has-Attach:\n"
            "X-Auto-Response-Suppress: All\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(outlook_html(mso(text.rstrip("\n")), lang="EN-GB", charset="us-ascii")).encode("ascii"))),
    ])
    return head, body


def plain_customer(sender, from_header, subject, msgid, extra_headers, text, smtp_id):
    """A customer's plain-text mail whose From header a strict RFC 5322 reading rejects."""
    head = (ses(sender, "mail.relay.example", "198.51.100.25", FEEDBACK, "Mon, 23 Nov 2026 08:10:00 +0000 (UTC)", smtp_id)
            + "From: " + from_header + "\n"
            "To: feedback@feedback.example.com\n"
            "Subject: " + subject + "\n"
            "Date: Mon, 23 Nov 2026 09:10:00 +0100\n"
            "Message-ID: <" + msgid + ">\n"
            "MIME-Version: 1.0\n"
            + extra_headers
            + "Content-Type: text/plain; charset=us-ascii\n"
            "Content-Transfer-Encoding: 7bit")
    return head, lines(text).encode("ascii")


@mail("customer", "exchange-en-from-unquoted-comma.eml")
def _():
    return plain_customer("minsu.kim@corp.example.kr", "Kim, Minsu <minsu.kim@corp.example.kr>",
                          "Invoice 2026-1107 is addressed to the wrong company",
                          "SEZPR06MB6432A1B2C3D4E5F6@SEZPR06MB6432.apcprd06.prod.outlook.example",
                          "Thread-Topic: Invoice 2026-1107 is addressed to the wrong company\n",
                          "Hello,\n\nInvoice 2026-1107 names Kimco Ltd, but we are Kim & Partners.\n"
                          "Could you send a corrected one?\n\nMinsu\n", "m1k2i3m4c5o6m7m8a9")


@mail("customer", "mutt-en-from-comment-name.eml")
def _():
    return plain_customer("priya.nair@northwind.example", "priya.nair@northwind.example (Priya Nair)",
                          "Tracking link shows someone else's parcel",
                          "20261123081000.GA4411@northwind.example", "X-Mailer: Mutt 2.2.12\n",
                          "Hi,\n\nthe tracking link in your shipping mail shows a parcel going to Leeds.\n"
                          "I live in Bristol.\n\nPriya\n", "p1r2i3y4a5c6o7m8m9")


@mail("customer", "webmail-de-from-unterminated-quote-inline-image.eml")
def _():
    boundary = "=_b7d1c0e4a5f6"
    text = "Hallo,\n\ndie Tasse kam mit einem Sprung an, siehe Foto.\n\nLukas\n"
    head = (ses("lukas.becker@example.de", "mout.webmail.example", "203.0.113.17", FEEDBACK,
                "Mon, 23 Nov 2026 08:20:00 +0000 (UTC)", "l1u2k3a4s5b6e7c8k9")
            + "From: \"Lukas Becker <lukas.becker@example.de>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: Tasse mit Sprung\n"
            "Date: Mon, 23 Nov 2026 09:20:00 +0100\n"
            "Message-ID: <b7d1c0e4a5f6@webmail.example>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/related; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("utf-8"))),
        part("Content-Type: image/png\nContent-Disposition: inline\nContent-ID: <foto1@webmail.example>\n"
             "Content-Transfer-Encoding: base64", b64(fake_file(1200, 77, b"\x89PNG\r\n\x1a\n"))),
    ])
    return head, body


@mail("customer", "robot-gmail-vacation-responder.eml")
def _():
    text = "안녕하세요. 11월 30일까지 휴가 중이라 메일 확인이 어렵습니다. 복귀 후 답장드리겠습니다.\n"
    boundary = "000000000000a1b2c30627a90a11"
    head = (ses("junho.kwon@gmail.example", "mail-sor-f69.google.example", "209.85.220.69", FEEDBACK,
                "Mon, 23 Nov 2026 06:44:51 +0000 (UTC)", "r4v8z2d6h0l4p8t2x6b0f4j8")
            + "MIME-Version: 1.0\n"
            "From: " + ew("권준호", "UTF-8", "utf-8") + " <junho.kwon@gmail.example>\n"
            "Date: Mon, 23 Nov 2026 15:44:50 +0900\n"
            "Message-ID: <CAKv3nWc8y2+HkQ5rT1pL9mX4bZ7dF0gJ6sA3eU2oN8iV1cY5Rw@mail.gmail.example>\n"
            "Subject: " + ew("휴가 중입니다 (11/30 복귀)", "UTF-8", "utf-8") + "\n"
            "To: feedback@feedback.example.com\n"
            "In-Reply-To: <CAKv3nWb1x0+GjP4qS0oK8lW3aY6cE9fI5rZ2dT1nM7hU0bX4Qv@mail.gmail.example>\n"
            "References: <CAKv3nWb1x0+GjP4qS0oK8lW3aY6cE9fI5rZ2dT1nM7hU0bX4Qv@mail.gmail.example>\n"
            "Auto-Submitted: auto-replied\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64",
             b64(('<div dir="ltr">' + text.rstrip("\n") + "</div>\r\n").encode("utf-8"))),
    ])
    return head, body


@mail("customer", "robot-mailer-daemon-dsn.eml")
def _():
    boundary = "4CzT1x2Zl9z3ByP.1764045122/mx.example.org"
    notice = ("This is the mail system at host mx.example.org.\n\n"
              "I'm sorry to have to inform you that your message could not\n"
              "be delivered to one or more recipients. It's attached below.\n\n"
              "                   The mail system\n\n"
              "<old.customer@example.org>: host mail.example.org[192.0.2.10] said: 550 5.1.1\n"
              "    <old.customer@example.org>: Recipient address rejected: User unknown in\n"
              "    virtual mailbox table (in reply to RCPT TO command)\n")
    status = ("Reporting-MTA: dns; mx.example.org\n"
              "X-Postfix-Queue-ID: 4CzT1x2Zl9z3By\n"
              "X-Postfix-Sender: rfc822; feedback@feedback.example.com\n"
              "Arrival-Date: Mon, 23 Nov 2026 10:32:01 +0000 (UTC)\n\n"
              "Final-Recipient: rfc822; old.customer@example.org\n"
              "Original-Recipient: rfc822;old.customer@example.org\n"
              "Action: failed\n"
              "Status: 5.1.1\n"
              "Remote-MTA: dns; mail.example.org\n"
              "Diagnostic-Code: smtp; 550 5.1.1 <old.customer@example.org>: Recipient address\n"
              "    rejected: User unknown in virtual mailbox table\n")
    original = ("Return-Path: <feedback@feedback.example.com>\n"
                "From: Customer Care <feedback@feedback.example.com>\n"
                "To: old.customer@example.org\n"
                "Subject: Fwd: Your order\n"
                "Date: Mon, 23 Nov 2026 10:31:58 +0000\n"
                "Message-ID: <forward-8812@feedback.example.com>\n")
    head = (ses("", "mx.example.org", "192.0.2.25", FEEDBACK,
                "Mon, 23 Nov 2026 10:32:03 +0000 (UTC)", "t6x0b4f8j2n6r0v4z8d2h6l0")
            + "Date: Mon, 23 Nov 2026 10:32:02 +0000 (UTC)\n"
            "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
            "Subject: Undelivered Mail Returned to Sender\n"
            "To: feedback@feedback.example.com\n"
            "Auto-Submitted: auto-replied\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "Content-Transfer-Encoding: 7bit\n"
            "Message-Id: <20261123103202.5E1A9C0F12@mx.example.org>")
    body = multipart(boundary, [
        part("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii", lines(notice).encode("ascii")),
        part("Content-Description: Delivery report\nContent-Type: message/delivery-status", lines(status).encode("ascii")),
        part("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers",
             lines(original).encode("ascii")),
    ], preamble="This is a MIME-encapsulated message.")
    return head, body


@mail("customer", "robot-mailing-list.eml")
def _():
    text = ("Hi all,\n\n"
            "Has anyone seen delivery delays with the new courier this week? Three of our parcels are stuck.\n\n"
            "Mark\n\n"
            "-- \n"
            "You received this message because you are subscribed to the Google Groups \"Shop Owners\" group.\n"
            "To unsubscribe from this group and stop receiving emails from it, send an email to "
            "shop-owners+unsubscribe@googlegroups.example.\n")
    head = (ses("shop-owners+bncBDEXAMPLE@googlegroups.example", "mail-yb1-f189.google.example", "209.85.219.189",
                FEEDBACK, "Mon, 23 Nov 2026 16:10:44 +0000 (UTC)", "v8z2d6h0l4p8t2x6b0f4j8n2")
            + "From: Mark Evans <mark.evans@example.net>\n"
            "To: Shop Owners <shop-owners@googlegroups.example>\n"
            "Subject: [shop-owners] Courier delays this week?\n"
            "Date: Mon, 23 Nov 2026 16:10:40 +0000\n"
            "Message-ID: <f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9@example.net>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=\"UTF-8\"\n"
            "X-Original-Sender: mark.evans@example.net\n"
            "Precedence: list\n"
            "Mailing-list: list shop-owners@googlegroups.example; contact shop-owners+owners@googlegroups.example\n"
            "List-ID: <shop-owners.googlegroups.example>\n"
            "X-Google-Group-Id: 418822001377\n"
            "List-Post: <https://groups.google.example/group/shop-owners/post>, <mailto:shop-owners@googlegroups.example>\n"
            "List-Help: <https://support.google.example/>, <mailto:shop-owners+help@googlegroups.example>\n"
            "List-Archive: <https://groups.google.example/group/shop-owners/>\n"
            "List-Unsubscribe: <mailto:googlegroups-manage+418822001377+unsubscribe@googlegroups.example>,\n"
            " <https://groups.google.example/group/shop-owners/subscribe>")
    return head, lines(text).encode("ascii")


@mail("customer", "robot-helpdesk-auto-acknowledgement.eml")
def _():
    text = ("Dear customer,\n\n"
            "Thank you for contacting Northwind Support. Your request has been received and ticket #48213 has\n"
            "been created. One of our agents will get back to you within two business days.\n\n"
            "This is an automated message, please do not reply.\n")
    head = (ses("support@northwind-helpdesk.example", "mail.northwind-helpdesk.example", "198.51.100.210", FEEDBACK,
                "Mon, 23 Nov 2026 11:02:40 +0000 (UTC)", "z2d6h0l4p8t2x6b0f4j8n2r6")
            + "From: Northwind Support <support@northwind-helpdesk.example>\n"
            "To: feedback@feedback.example.com\n"
            "Subject: [Ticket #48213] We received your request\n"
            "Date: Mon, 23 Nov 2026 11:02:38 +0000\n"
            "Message-ID: <ticket-48213-ack@northwind-helpdesk.example>\n"
            "Precedence: auto_reply\n"
            "X-Loop: support@northwind-helpdesk.example\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=UTF-8\n"
            "Content-Transfer-Encoding: 7bit")
    return head, lines(text).encode("ascii")


@mail("customer", "robot-qmark-own-question-redirected.eml")
def _():
    text = ("?\n\n"
            "> The espresso machine leaks from the bottom after two weeks.\n\n"
            "From:      Alex Morgan <alex.morgan@example.net>\n"
            "Channel:   web form\n"
            "Arrived:   Mon 23 Nov 2026, 09:12 (Asia/Seoul)\n"
            "Answer by: Tue 24 Nov 2026, 09:12 (Asia/Seoul) (within 24 hours)\n\n"
            "Find out what happened, why, and what changes so it never happens again.\n"
            "Just reply to this mail: your answer goes to Jeff and into the customer's record.\n\n"
            "Reference: 0f3a9c2e7b1d4a68\n")
    boundary = "----=_Part_12_1183442771.1764047520301"
    head = (ses("0102019a5b7e2f10-6c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f-000000@amazonses.example",
                "a8-31.smtp-out.amazonses.example", "54.240.8.31", FEEDBACK,
                "Mon, 23 Nov 2026 00:12:05 +0000 (UTC)", "x0b4f8j2n6r0v4z8d2h6l0p4")
            + "From: \"Jeff (via Qmark)\" <qmark@example.com>\n"
            "To: Olivia <olivia@example.com>\n"
            "Reply-To: answer+0f3a9c2e7b1d4a68-1-mzxw6ytboi4dqnrq@feedback.example.com\n"
            "Message-ID: <0102019a5b7e2f10-6c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f-000000@eu-west-1.amazonses.com>\n"
            "Subject: ? The espresso machine leaks\n"
            "MIME-Version: 1.0\n"
            "X-Qmark-Feedback: 0f3a9c2e7b1d4a68\n"
            "X-Qmark-Escalation: 0f3a9c2e7b1d4a68-1\n"
            "Resent-From: olivia@example.com\n"
            "Resent-To: feedback@feedback.example.com\n"
            "Resent-Date: Mon, 23 Nov 2026 00:12:04 +0000\n"
            "Content-Type: multipart/alternative; \n"
            "\tboundary=\"" + boundary + "\"\n"
            "Date: Mon, 23 Nov 2026 00:12:03 +0000")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit", lines(text).encode("ascii")),
        part("Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 7bit",
             b"<div><p>?</p><blockquote>The espresso machine leaks from the bottom after two weeks.</blockquote></div>\r\n"),
    ])
    return head, body


# ======================================================================================= replies
# Dana's answers to a "?" mail, one per client. The "?" they quote is the one Qmark sends (see
# QuestionMail); the test asks Dana about a stored feedback of the same words first, and puts the
# reply address of that "?" where {{REPLY_TO}} stands. Expected answers: replies/expected.json.

QUESTIONS = {
    "en": ("My delivery is late", "Minsu Kim <minsu@example.org>",
           "I ordered on Monday and the parcel still has not arrived."),
    "ko": ("배송이 3주째 안 와요", "김민수 <minsu.kim@example.kr>",
           "3주 전에 주문했는데 아직도 배송 준비 중이라고만 나옵니다."),
    "ja": ("注文した商品が届きません", "山本 翼 <tsubasa.yamamoto@example.jp>",
           "先週注文したのに、まだ発送の連絡がありません。"),
}


def question_text(lang):
    """The text part of the "?" mail, as Dana received it."""
    subject, customer, words = QUESTIONS[lang]
    return ("?\n\n"
            "> " + words + "\n\n"
            "From:      " + customer + "\n"
            "Rating:    2 of 5\n"
            "Channel:   web form\n"
            "Arrived:   Mon 23 Nov 2026, 15:15 (Asia/Seoul)\n"
            "Answer by: Mon 23 Nov 2026, 19:15 (Asia/Seoul) (within 4 hours)\n\n"
            "Find out what happened, why, and what changes so it never happens again.\n"
            "Just reply to this mail: your answer goes to Jeff and into the customer's record.\n\n"
            "Reference: 0f3a9c2e7b1d4a68")


def quoted(text, prefix="> "):
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in text.split("\n"))


def question_html(lang):
    subject, customer, words = QUESTIONS[lang]
    customer_html = customer.replace("<", "&lt;").replace(">", "&gt;")
    return ('<div style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;'
            'color:#1f2328"><p style="font-size:28px;font-weight:700;margin:0 0 12px">?</p><blockquote style="margin:0 0 '
            '16px;padding:8px 16px;border-left:4px solid #d0d7de;color:#1f2328"><p>' + words + '</p></blockquote>'
            '<table style="border-collapse:collapse;margin:0 0 16px"><tr><td>From</td><td>' + customer_html + '</td></tr>'
            '<tr><td>Rating</td><td>2 of 5</td></tr></table><p>Find out what happened, why, and what changes so it never '
            'happens again. Just reply to this mail: your answer goes to Jeff and into the customer\'s record.</p>'
            '<p style="color:#656d76;font-size:13px;margin:0">Reference: 0f3a9c2e7b1d4a68</p></div>')


QUESTION_ID = "<0102019a5b7e2f10-6c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f-000000@eu-west-1.amazonses.com>"


def dana(host, ip, when, smtp_id):
    return ses("dana@example.com", host, ip, "{{REPLY_TO}}", when, smtp_id)


@mail("replies", "outlook-desktop-en.eml")
def _():
    answer = ("Hi Jeff,\n\n"
              "The parcel was held at the Incheon depot because the address label was torn.\n"
              "It goes out today with a new label; the customer will have it tomorrow morning.\n"
              "From now on the depot photographs damaged labels and calls us the same day.\n\n"
              "Dana\n")
    text = (answer + "\n"
            "From: Jeff (via Qmark) <qmark@example.com> \n"
            "Sent: Monday, November 23, 2026 7:15 PM\n"
            "To: Dana <dana@example.com>\n"
            "Subject: ? My delivery is late\n\n"
            + question_text("en") + "\n")
    html = outlook_html(mso(answer.rstrip("\n")) + '<p class=MsoNormal><o:p>&nbsp;</o:p></p>'
                        '<div style=\'border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\'>'
                        '<p class=MsoNormal><b>From:</b> Jeff (via Qmark) &lt;qmark@example.com&gt; <br><b>Sent:</b> '
                        'Monday, November 23, 2026 7:15 PM<br><b>To:</b> Dana &lt;dana@example.com&gt;<br><b>Subject:</b> '
                        '? My delivery is late<o:p></o:p></p></div>' + question_html("en"), lang="EN-US", charset="us-ascii")
    boundary = "_000_SEZP153MB0733A1B2C3D4E5F6A7B8C9D0E1F2A3B4SEZP153MB0733APCP_"
    head = (dana("APC01-SG2-obe.outbound.protection.outlook.com", "40.107.215.98", "Mon, 23 Nov 2026 10:41:07 +0000 (UTC)",
                 "r1e2p3l4y5o6d7e8n9a0b1c2")
            + "From: Dana <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Subject: RE: ? My delivery is late\n"
            "Thread-Topic: ? My delivery is late\n"
            "Thread-Index: AQHcXJ8q1w0sT7kM3EyQZxKc0v8LZrUAAbcQ\n"
            "Date: Mon, 23 Nov 2026 10:41:05 +0000\n"
            "Message-ID: <SEZP153MB0733A1B2C3D4E5F6A7B8C9D0E1F2A3B4@SEZP153MB0733.APCP153.PROD.OUTLOOK.COM>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Accept-Language: en-US\n"
            "Content-Language: en-US\n"
            "X-MS-Has-Attach:\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(html).encode("ascii"))),
    ])
    return head, body


@mail("replies", "outlook-desktop-ko.eml")
def _():
    answer = ("제프님,\n\n"
              "택배사 인천 터미널에서 송장이 훼손되어 분류가 안 됐던 건입니다.\n"
              "오늘 송장을 다시 붙여 출고했고, 고객님께는 내일 오전 도착 예정이라고 안내드렸습니다.\n"
              "앞으로는 터미널에서 송장 훼손이 확인되면 당일에 저희에게 연락하기로 했습니다.\n\n"
              "다나 드림\n")
    text = (answer + "\n"
            "보낸 사람: Jeff (via Qmark) <qmark@example.com> \n"
            "보낸 날짜: 2026년 11월 23일 월요일 오후 7:15\n"
            "받는 사람: Dana <dana@example.com>\n"
            "제목: ? 배송이 3주째 안 와요\n\n"
            + question_text("ko") + "\n")
    html = outlook_html(mso(answer.rstrip("\n")) + '<p class=MsoNormal><o:p>&nbsp;</o:p></p>'
                        '<div style=\'border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\'>'
                        '<p class=MsoNormal><b>보낸 사람:</b> Jeff (via Qmark) &lt;qmark@example.com&gt; <br><b>보낸 날짜:</b> '
                        '2026년 11월 23일 월요일 오후 7:15<br><b>받는 사람:</b> Dana &lt;dana@example.com&gt;<br><b>제목:</b> '
                        '? 배송이 3주째 안 와요<o:p></o:p></p></div>' + question_html("ko"))
    boundary = "----=_NextPart_000_0019_01DC5B8E.6A3F2B10"
    head = (dana("mail.example.com", "198.51.100.7", "Mon, 23 Nov 2026 10:42:31 +0000 (UTC)", "s2f3q4m5r6k7o8t9u0v1w2x3")
            + "From: \"Dana\" <dana@example.com>\n"
            "To: " + ew("Jeff (via Qmark)", "ks_c_5601-1987", "cp949") + " <{{REPLY_TO}}>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Subject: " + ew("RE: ? 배송이 3주째 안 와요", "ks_c_5601-1987", "cp949") + "\n"
            "Date: Mon, 23 Nov 2026 19:42:29 +0900\n"
            "Message-ID: <001801dc5b42$f1c9e3a0$d55daae0$@example.com>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "Thread-Index: AQJb3c8K0vNq1lQ5ZgGkC2y3x7Jt8w==\n"
            "Content-Language: ko")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(text).encode("cp949"))),
        part("Content-Type: text/html;\n\tcharset=\"ks_c_5601-1987\"\nContent-Transfer-Encoding: base64",
             b64(lines(html).encode("cp949"))),
    ], preamble="This is a multipart message in MIME format.")
    return head, body


@mail("replies", "outlook-desktop-ja-iso-2022-jp.eml")
def _():
    answer = ("ジェフさん\n\n"
              "倉庫の出荷システムの不具合で、先週の一部の注文が出荷待ちのまま止まっていました。\n"
              "本日すべて出荷しました。再発防止のため、毎朝出荷待ちの件数を確認します。\n\n"
              "ダナ\n")
    text = (answer + "\n"
            "差出人: Jeff (via Qmark) <qmark@example.com> \n"
            "送信日時: 2026年11月23日 19:15\n"
            "宛先: Dana <dana@example.com>\n"
            "件名: ? 注文した商品が届きません\n\n"
            + question_text("ja") + "\n")
    boundary = "----=_NextPart_000_0042_01DC5B8F.2C1D0E30"
    head = (dana("mail.example.com", "198.51.100.7", "Mon, 23 Nov 2026 10:50:12 +0000 (UTC)", "t3g4r5n6s7l8p9u0v1w2x3y4")
            + "From: \"Dana\" <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Subject: " + ew("RE: ? 注文した商品が届きません", "iso-2022-jp", "iso2022_jp") + "\n"
            "Date: Mon, 23 Nov 2026 19:50:10 +0900\n"
            "Message-ID: <004101dc5b44$0c2d1e30$245b5a90$@example.com>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain;\n"
            "\tcharset=\"iso-2022-jp\"\n"
            "Content-Transfer-Encoding: 7bit\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "Thread-Index: AQJb3c8K0vNq1lQ5ZgGkC2y3x7Jt8wFzRk3a\n"
            "Content-Language: ja")
    return head, jis_lines(lines(text).rstrip("\r\n").replace("\r\n", "\n")) + b"\r\n"


@mail("replies", "outlook-web-en.eml")
def _():
    answer = ("Thanks for flagging. It was a mis-scan at the depot; the parcel went out again today "
              "with tracking SP9912045, and the depot now scans every parcel twice.\n")
    text = (answer + "\n"
            "________________________________\n"
            "From: Jeff (via Qmark) <qmark@example.com>\n"
            "Sent: Monday, November 23, 2026 10:15\n"
            "To: Dana <dana@example.com>\n"
            "Subject: ? My delivery is late\n\n"
            + question_text("en") + "\n")
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
            '</head>\n<body dir="ltr">\n<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, '
            'Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
            + answer.rstrip("\n") + '</div>\n<div id="appendonsend"></div>\n<hr style="display:inline-block;width:98%" '
            'tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" '
            'color="#000000"><b>From:</b> Jeff (via Qmark) &lt;qmark@example.com&gt;<br>\n<b>Sent:</b> Monday, November 23, '
            '2026 10:15<br>\n<b>To:</b> Dana &lt;dana@example.com&gt;<br>\n<b>Subject:</b> ? My delivery is late</font>\n'
            '<div>&nbsp;</div>\n</div>\n' + question_html("en") + '\n</body>\n</html>\n')
    boundary = "_000_TYZP153MB0412B1C2D3E4F5A6B7C8D9E0F1A2B3C4TYZP153MB0412APCP_"
    head = (dana("APC01-TYZ-obe.outbound.protection.outlook.com", "40.107.117.55", "Mon, 23 Nov 2026 01:15:42 +0000 (UTC)",
                 "u4h5s6o7t8m9q0v1w2x3y4z5")
            + "From: Dana <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Subject: Re: ? My delivery is late\n"
            "Thread-Topic: ? My delivery is late\n"
            "Thread-Index: AQHcXJ8q1w0sT7kM3EyQZxKc0v8LZrUAAhWm\n"
            "Date: Mon, 23 Nov 2026 01:15:40 +0000\n"
            "Message-ID:\n"
            " <TYZP153MB0412B1C2D3E4F5A6B7C8D9E0F1A2B3C4@TYZP153MB0412.APCP153.PROD.OUTLOOK.COM>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Accept-Language: en-US\n"
            "Content-Language: en-US\n"
            "X-MS-Has-Attach:\n"
            "X-MS-TNEF-Correlator:\n"
            "msip_labels:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(text).encode("ascii"))),
        part("Content-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable",
             qp(lines(html).encode("ascii"))),
    ])
    return head, body


def outlook_mobile(answer, signature, signature_html, lang, sent, boundary, msgid):
    text = (answer + "\n"
            + signature + "\n"
            "________________________________\n"
            "From: Jeff (via Qmark) <qmark@example.com>\n"
            "Sent: " + sent + "\n"
            "To: Dana <dana@example.com>\n"
            "Subject: ? " + QUESTIONS[lang][0] + "\n\n"
            + question_text(lang) + "\n")
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n</head>\n<body>\n'
            '<div dir="auto">' + answer.rstrip("\n").replace("\n", "<br>") + '</div>\n<div dir="auto"><br></div>\n'
            '<div class="ms-outlook-mobile-signature"><div dir="auto">' + signature_html + '</div></div>\n'
            '<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr">'
            '<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Jeff (via Qmark) '
            '&lt;qmark@example.com&gt;<br>\n<b>Sent:</b> ' + sent + '<br>\n<b>To:</b> Dana &lt;dana@example.com&gt;<br>\n'
            '<b>Subject:</b> ? ' + QUESTIONS[lang][0] + '</font>\n<div>&nbsp;</div>\n</div>\n' + question_html(lang)
            + '\n</body>\n</html>\n')
    head = (dana("APC01-PSA-obe.outbound.protection.outlook.com", "40.107.255.71", "Mon, 23 Nov 2026 10:20:33 +0000 (UTC)",
                 msgid[:24].lower())
            + "From: Dana <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Subject: " + (("Re: ? " + QUESTIONS[lang][0]) if lang == "en"
                           else ew("Re: ? " + QUESTIONS[lang][0], "utf-8", "utf-8")) + "\n"
            "Thread-Topic: " + (("? " + QUESTIONS[lang][0]) if lang == "en"
                                else ew("? " + QUESTIONS[lang][0], "utf-8", "utf-8")) + "\n"
            "Thread-Index: AQHcXJ8q1w0sT7kM3EyQZxKc0v8LZrUAAxQ8\n"
            "Date: Mon, 23 Nov 2026 10:20:31 +0000\n"
            "Message-ID:\n"
            " <" + msgid + "@" + msgid[:15] + ".APCP153.PROD.OUTLOOK.COM>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Accept-Language: " + ("en-US" if lang == "en" else "ko-KR, en-US") + "\n"
            "Content-Language: " + ("en-US" if lang == "en" else "ko-KR") + "\n"
            "X-MS-Has-Attach:\n"
            "X-MS-TNEF-Correlator:\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    charset = "us-ascii" if lang == "en" else "utf-8"
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"" + charset + "\"\nContent-Transfer-Encoding: "
             + ("quoted-printable" if lang == "en" else "base64"),
             qp(lines(text).encode("ascii")) if lang == "en" else b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64",
             b64(lines(html).encode("utf-8"))),
    ])
    return head, body


@mail("replies", "outlook-ios-en.eml")
def _():
    return outlook_mobile("Courier lost it. Sending a replacement by express today, I'll confirm the tracking number tonight.\n",
                          "Get Outlook for iOS<https://aka.ms/o0ukef>",
                          'Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a>', "en",
                          "Monday, November 23, 2026 7:15:02 PM",
                          "_000_PSAP153MB0521C1D2E3F4A5B6C7D8E9F0A1B2C3D4PSAP153MB0521APCP_",
                          "PSAP153MB0521C1D2E3F4A5B6C7D8E9F0A1B2C3D4")


@mail("replies", "outlook-android-ko.eml")
def _():
    return outlook_mobile("택배사 분실로 확인되어 오늘 새 제품을 빠른 배송으로 보냈습니다.\n송장번호는 저녁에 고객님께 문자로 안내드릴게요.\n",
                          "Android용 Outlook 받기<https://aka.ms/AAb9ysg>",
                          'Android용 <a href="https://aka.ms/AAb9ysg">Outlook 받기</a>', "ko",
                          "Monday, November 23, 2026 7:15:02 PM",
                          "_000_PSAP153MB0630D2E3F4A5B6C7D8E9F0A1B2C3D4E5PSAP153MB0630APCP_",
                          "PSAP153MB0630D2E3F4A5B6C7D8E9F0A1B2C3D4E5")


def gmail_reply(lang, answer, attribution, attribution_html, boundary, msgid, smtp_id, date, transfer="base64"):
    text = answer + "\n" + attribution + "\n\n" + quoted(question_text(lang)) + "\n"
    html = ('<div dir="ltr">' + "".join("<div>%s</div>" % (line if line else "<br>") for line in answer.rstrip("\n").split("\n"))
            + '</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
            + attribution_html + '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            'border-left:1px solid rgb(204,204,204);padding-left:1ex">' + question_html(lang) + '</blockquote></div>\n')
    subject = "Re: ? " + QUESTIONS[lang][0]
    head = (dana("mail-wm1-f53.google.example", "209.85.128.53", date, smtp_id)
            + "MIME-Version: 1.0\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "From: Dana <dana@example.com>\n"
            "Date: Mon, 23 Nov 2026 19:33:12 +0900\n"
            "Message-ID: <" + msgid + "@mail.gmail.example>\n"
            "Subject: " + (subject if lang == "en" else ew(subject, "UTF-8", "utf-8")) + "\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
    encode = (lambda data: b64(data)) if transfer == "base64" else (lambda data: qp(data))
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: " + transfer,
             encode(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: " + transfer,
             encode(html.replace("\n", "\r\n").encode("utf-8"))),
    ])
    return head, body


@mail("replies", "gmail-en.eml")
def _():
    return gmail_reply(
        "en",
        "Checked with the courier: it was sent to the old address from the customer's profile.\n"
        "We are re-shipping today, and checkout now always uses the address entered for the order.\n",
        "On Mon, Nov 23, 2026 at 7:15 PM Jeff (via Qmark) <qmark@example.com>\nwrote:",
        'On Mon, Nov 23, 2026 at 7:15 PM Jeff (via Qmark) &lt;<a href="mailto:qmark@example.com">qmark@example.com</a>&gt; wrote:',
        "000000000000c3a41b0627a9b4d2", "CAF7xQp2Lr9+eT3wYk8Nm1bV5cZ0aS6dH4gJ2uK7oP9iR3tW5Eg",
        "v5j6t7p8u9n0w1x2y3z4a5b6", "Mon, 23 Nov 2026 10:33:15 +0000 (UTC)", transfer="quoted-printable")


@mail("replies", "gmail-ko.eml")
def _():
    return gmail_reply(
        "ko",
        "확인해 보니 주소에 아파트 동 번호가 빠져서 반송 대기 중이었습니다.\n"
        "고객님과 통화해서 주소를 바로잡았고 오늘 재발송합니다.\n"
        "주문 화면에서 동·호수를 필수로 입력하도록 바꾸겠습니다.\n",
        "2026년 11월 23일 (월) 오후 7:15, Jeff (via Qmark) <qmark@example.com>님이 작성:",
        '2026년 11월 23일 (월) 오후 7:15, Jeff (via Qmark) &lt;<a href="mailto:qmark@example.com">qmark@example.com</a>&gt;님이 작성:',
        "000000000000d4b52c0627a9c5e3", "CAF7xQp3Ms0+fU4xZl9On2cW6dA1bT7eI5hK3vL8pQ0jS4uX6Fh",
        "w6k7u8q9v0o1x2y3z4a5b6c7", "Mon, 23 Nov 2026 10:34:20 +0000 (UTC)")


@mail("replies", "gmail-ja.eml")
def _():
    return gmail_reply(
        "ja",
        "配送業者に確認したところ、住所の番地が抜けていたため営業所で保管されていました。\n"
        "本日、正しい住所で再発送しました。明日の午前中に届く予定です。\n",
        "2026年11月23日(月) 19:15 Jeff (via Qmark) <qmark@example.com>:",
        '2026年11月23日(月) 19:15 Jeff (via Qmark) &lt;<a href="mailto:qmark@example.com">qmark@example.com</a>&gt;:',
        "000000000000e5c63d0627a9d6f4", "CAF7xQp4Nt1+gV5yAm0Po3dX7eB2cU8fJ6iL4wM9qR1kT5vY7Gi",
        "x7l8v9r0w1p2y3z4a5b6c7d8", "Mon, 23 Nov 2026 10:35:25 +0000 (UTC)")


@mail("replies", "gmail-zh.eml")
def _():
    return gmail_reply(
        "en",
        "已经和快递公司确认：包裹在仓库被错放到了别的区域。\n"
        "今天已经重新发出，明天上午送达。\n",
        "Jeff (via Qmark) <qmark@example.com> 于2026年11月23日周一 19:15写道：",
        'Jeff (via Qmark) &lt;<a href="mailto:qmark@example.com">qmark@example.com</a>&gt; 于2026年11月23日周一 19:15写道：',
        "000000000000f6d74e0627a9e705", "CAF7xQp5Ou2+hW6zBn1Qp4eY8fC3dV9gK7jM5xN0rS2lU6wZ8Hj",
        "y8m9w0s1x2q3z4a5b6c7d8e9", "Mon, 23 Nov 2026 10:36:30 +0000 (UTC)")


def apple_reply(lang, answer, signature, attribution, boundary, msgid, smtp_id):
    quote = attribution + "\n\n" + question_text(lang)
    text = answer + "\n" + signature + "\n\n" + quoted(quote) + "\n"
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
            + "".join('<div dir="ltr">%s</div>' % (line if line else "<br>") for line in answer.rstrip("\n").split("\n"))
            + '<div dir="ltr"><br><div dir="ltr">' + signature + '</div><div dir="ltr"><br><blockquote type="cite">'
            + attribution.replace("<", "&lt;").replace(">", "&gt;") + '<br><br></blockquote></div><blockquote type="cite">'
            '<div dir="ltr">' + question_html(lang) + '</div></blockquote></div></body></html>\n')
    subject = "Re: ? " + QUESTIONS[lang][0]
    head = (dana("mr85p00im-ztdg06021101.me.example", "17.58.23.185", "Mon, 23 Nov 2026 10:37:40 +0000 (UTC)", smtp_id)
            + "Content-Type: multipart/alternative; boundary=" + boundary + "\n"
            "Content-Transfer-Encoding: 7bit\n"
            "From: Dana <dana@example.com>\n"
            "Mime-Version: 1.0 (1.0)\n"
            "Subject: " + (subject if lang == "en" else ew(subject, "utf-8", "utf-8")) + "\n"
            "Date: Mon, 23 Nov 2026 19:37:36 +0900\n"
            "Message-Id: <" + msgid + "@example.com>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "X-Mailer: iPhone Mail (23B85)")
    body = multipart(boundary, [
        part("Content-Type: text/plain;\n\tcharset=utf-8\nContent-Transfer-Encoding: "
             + ("quoted-printable" if lang == "en" else "base64"),
             qp(lines(text).encode("utf-8")) if lang == "en" else b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html;\n\tcharset=utf-8\nContent-Transfer-Encoding: "
             + ("quoted-printable" if lang == "en" else "base64"),
             qp(lines(html).encode("utf-8")) if lang == "en" else b64(lines(html).encode("utf-8"))),
    ])
    return head, body


@mail("replies", "apple-ios-en.eml")
def _():
    return apple_reply(
        "en",
        "Found it - it was stuck in customs because the invoice was missing.\n"
        "Released this afternoon, delivery tomorrow. I've added the invoice step to the packing checklist.\n",
        "Sent from my iPhone",
        "On Nov 23, 2026, at 19:15, Jeff (via Qmark) <qmark@example.com> wrote:",
        "Apple-Mail-2B7E4D1C-8A3F-4E6B-9C0D-5F1A2B3C4D5E", "9E1D3C5B-7A2F-4B6E-8D0C-1F3A5B7C9D2E", "z9n0x1t2y3r4a5b6c7d8e9f0")


@mail("replies", "apple-ios-ko.eml")
def _():
    return apple_reply(
        "ko",
        "제주 지역 배송 지연 건이었습니다.\n오늘 항공편으로 다시 보냈고, 고객님께는 제가 직접 전화드렸어요.\n",
        "iPhone에서 보냄",
        "2026. 11. 23. 오후 7:15, Jeff (via Qmark) <qmark@example.com> 작성:",
        "Apple-Mail-3C8F5E2D-9B4A-4F7C-8D1E-6A2B3C4D5E6F", "0F2E4D6C-8B3A-4C7F-9E1D-2A4B6C8D0E3F", "a0o1y2u3z4s5b6c7d8e9f0g1")


@mail("replies", "thunderbird-inline.eml")
def _():
    q = question_text("en").split("\n")
    # Thunderbird, "reply below the quote", answers typed between the quoted lines
    text = flowed([
        "On 23/11/2026 11:15, Jeff (via Qmark) wrote:",
    ], 72) + "\n" + "\n".join([
        "> ?",
        ">",
        ">> I ordered on Monday and the parcel still has not arrived.",
        "",
        flowed(["What happened: the order was paid on Monday, but the warehouse batch that night "
                "stopped at an order with a broken address, so it was never picked."], 72),
        "",
        ">",
        "> From:      Minsu Kim <minsu@example.org>",
        "> Rating:    2 of 5",
        "> Channel:   web form",
        "> Arrived:   Mon 23 Nov 2026, 15:15 (Asia/Seoul)",
        "> Answer by: Mon 23 Nov 2026, 19:15 (Asia/Seoul) (within 4 hours)",
        ">",
        "> Find out what happened, why, and what changes so it never happens again.",
        "",
        flowed(["Why: the batch job gives up at the first bad address and nobody was alerted."], 72),
        flowed(["What changes: the job now skips bad addresses and mails me a list every morning. "
                "The parcel went out today by express."], 72),
        "",
        "> Just reply to this mail: your answer goes to Jeff and into the customer's record.",
        ">",
        "> Reference: 0f3a9c2e7b1d4a68",
        "",
        "-- ",
        "Dana Kim",
        "Head of Delivery",
    ]) + "\n"
    head = (dana("mout01.posteo.example", "185.67.36.65", "Mon, 23 Nov 2026 10:45:13 +0000 (UTC)", "b1p2z3v4a5t6c7d8e9f0g1h2")
            + "Message-ID: <6e8a0c2e-4f1b-4d3c-9a5e-7b9d1f3a5c7e@example.com>\n"
            "Date: Mon, 23 Nov 2026 11:45:11 +0100\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Subject: Re: ? My delivery is late\n"
            "Content-Language: en-GB\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "References: " + QUESTION_ID + "\n"
            "From: Dana <dana@example.com>\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
            "Content-Transfer-Encoding: 7bit")
    return head, lines(text).encode("ascii")


@mail("replies", "naver-html.eml")
def _():
    subject, customer, words = QUESTIONS["ko"]
    html = naver_html(
        '<div>고객님 주소지가 도서산간 지역이라 택배사 배송이 하루 더 걸렸던 건입니다.</div>'
        '<div>오늘 오후에 배송 완료 확인했고, 고객님께 사과 문자도 보냈습니다.</div>'
        '<div><br></div>'
        '<div>다나</div>'
        '<div><br></div><div><br></div>'
        '<div style="border:none; border-top:1px solid #ccc; padding-top:5px;">-----Original Message-----<br>'
        '<b>From:</b> "Jeff (via Qmark)"&lt;qmark@example.com&gt;<br>'
        '<b>To:</b> "Dana"&lt;dana@example.com&gt;;<br>'
        '<b>Cc:</b> <br>'
        '<b>Sent:</b> 2026-11-23 (월) 19:15:00 (GMT+09:00)<br>'
        '<b>Subject:</b> ? ' + subject + '<br></div><br>' + question_html("ko"))
    head = (dana("cvnsmtp004.nm.naver.example", "125.209.224.4", "Mon, 23 Nov 2026 10:52:49 +0000 (UTC)", "c2q3a4w5b6u7d8e9f0g1h2i3")
            + "X-Session-ID: bcA97ukCQW2KMl3kdGiLdA\n"
            "X-Originating-IP: 211.36.142.90\n"
            "X-Works-Send-Opt: kQbdjAJYjHmdKoUqFxJYaAU/aHwtxBmwjAg=\n"
            "X-Works-Smtp-Source: VZYZax2XFqJZ+HmmKq2d+6E=\n"
            "Date: Mon, 23 Nov 2026 19:52:47 +0900\n"
            "From: \"Dana\" <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Message-ID: <5b9d1f3a7c2e4a6b8d0f@cweb004.nm.naver.example>\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "References: " + QUESTION_ID + "\n"
            "Subject: " + ew("RE: ? " + subject, "utf-8", "utf-8") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/html; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n"
            "X-Naver-CIP: 211.36.142.90")
    return head, b64(html.encode("utf-8"))


@mail("replies", "daum-html.eml")
def _():
    subject, customer, words = QUESTIONS["ko"]
    html = ('<p>고객님께는 제가 직접 전화드려 사과하고 배송비를 환불해 드렸습니다.</p>'
            '<p>재발 방지를 위해 이번 달 안에 택배사 변경을 검토하겠습니다.</p>'
            '<p><br></p><p>다나 드림</p><p><br></p>'
            '<p>--------- 원본 메일 ---------</p>'
            '<p>보낸사람: "Jeff (via Qmark)" &lt;qmark@example.com&gt;<br>'
            '받는사람: Dana &lt;dana@example.com&gt;<br>'
            '날짜: 26.11.23 19:15 GMT +0900<br>'
            '제목: ? ' + subject + '</p>' + question_html("ko"))
    head = (dana("mail-hmail-was3.example.net", "203.133.181.10", "Mon, 23 Nov 2026 10:58:02 +0000 (UTC)", "d3r4b5x6c7v8e9f0g1h2i3j4")
            + "X-Hermes-Message-Id: nANJw2m7a9c1234567\n"
            "Date: Mon, 23 Nov 2026 19:58:00 +0900 (KST)\n"
            "From: Dana <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Message-ID: <20261123195800.Wx3yZ4aB5cD6eF7gH8iJ9k@dana.hanmail.example>\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "References: " + QUESTION_ID + "\n"
            "Subject: " + ew("Re: ? " + subject, "UTF-8", "utf-8") + "\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/html; charset=\"UTF-8\"\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "X-Mailer: Daum Mint Web 1.0\n"
            "X-Originating-IP: [211.234.201.50]\n"
            "X-HM-UT: F2wJHMKgMswsdzahE2TsduOyvwRqoW6DrgWMVLVAkXo=")
    return head, qp(lines(html).encode("utf-8"))


# ------------------------------------------------------------------- replies from the whole world
# Dana answering in the language of her mail client, with the attribution (and, on an iPhone, the
# "sent from" line) that client writes in that language. One row per mail: name, answer,
# attribution as the text part shows it ("\n" where Gmail wraps it), sent-from line (Apple only).

WORLD_GMAIL = [
    ("gmail-de.eml", "Der Kurier hatte die alte Adresse. Wir schicken heute neu.\n",
     "Am Mo., 23. Nov. 2026 um 19:15 Uhr schrieb Jeff (via Qmark) <\nqmark@example.com>:"),
    ("gmail-fr.eml", "Le transporteur avait l'ancienne adresse. Nous renvoyons aujourd'hui.\n",
     "Le lun. 23 nov. 2026 à 19:15, Jeff (via Qmark) <qmark@example.com> a\nécrit :"),
    ("gmail-es.eml", "El mensajero tenía la dirección antigua. Lo reenviamos hoy.\n",
     "El lun, 23 nov 2026 a las 19:15, Jeff (via Qmark) (<qmark@example.com>)\nescribió:"),
    ("gmail-pt-br.eml", "A transportadora tinha o endereço antigo. Reenviamos hoje.\n",
     "Em seg., 23 de nov. de 2026 às 19:15, Jeff (via Qmark) <qmark@example.com>\nescreveu:"),
    ("gmail-it.eml", "Il corriere aveva il vecchio indirizzo. Rispediamo oggi.\n",
     "Il giorno lun 23 nov 2026 alle ore 19:15 Jeff (via Qmark) <\nqmark@example.com> ha scritto:"),
    ("gmail-nl.eml", "De koerier had het oude adres. We versturen het vandaag opnieuw.\n",
     "Op ma 23 nov 2026 om 19:15 schreef Jeff (via Qmark) <qmark@example.com>:"),
    ("gmail-pl.eml", "Kurier miał stary adres. Wysyłamy dziś ponownie.\n",
     "W dniu pon., 23.11.2026 o 19:15 Jeff (via Qmark) <qmark@example.com>\nnapisał(a):"),
    ("gmail-ru.eml", "У курьера был старый адрес. Отправляем сегодня заново.\n",
     "пн, 23 нояб. 2026 г. в 19:15, Jeff (via Qmark) <qmark@example.com>:"),
    ("gmail-sv.eml", "Budet hade den gamla adressen. Vi skickar igen i dag.\n",
     "Den mån 23 nov. 2026 kl 19:15 skrev Jeff (via Qmark) <qmark@example.com>:"),
    ("gmail-tr.eml", "Kuryede eski adres vardı. Bugün yeniden gönderiyoruz.\n",
     "Jeff (via Qmark) <qmark@example.com>, 23 Kas 2026 Pzt, 19:15 tarihinde\nşunu yazdı:"),
    ("gmail-vi.eml", "Bên giao hàng dùng địa chỉ cũ. Hôm nay chúng tôi gửi lại.\n",
     "Vào Th 2, 23 thg 11, 2026 vào lúc 19:15 Jeff (via Qmark) <\nqmark@example.com> đã viết:"),
    # Gmail wraps the attribution where a narrow window (or a long name) makes it: over three lines here
    ("gmail-de-wrapped-three-lines.eml", "Der Kurier hatte die alte Adresse. Wir senden heute neu.\n",
     "Am Mo., 23. Nov. 2026 um 19:15 Uhr schrieb Jeff\n(via Qmark) <\nqmark@example.com>:"),
    ("gmail-zh-tw.eml", "快遞用了舊地址，今天重新寄出。\n",
     "Jeff (via Qmark) <qmark@example.com> 於 2026年11月23日 週一 下午7:15寫道："),
]

WORLD_APPLE = [
    ("apple-ios-de.eml", "Der Kurier hatte die alte Adresse.\n", "Von meinem iPhone gesendet",
     "Am 23.11.2026 um 19:15 schrieb Jeff (via Qmark) <qmark@example.com>:"),
    ("apple-ios-nl.eml", "De koerier had het oude adres.\n", "Verzonden vanaf mijn iPhone",
     "Op 23 nov. 2026 om 19:15 heeft Jeff (via Qmark) <qmark@example.com> het volgende geschreven:"),
    ("apple-ios-pl.eml", "Kurier miał stary adres.\n", "Wysłane z iPhone'a",
     "Wiadomość napisana przez Jeff (via Qmark) <qmark@example.com> w dniu 23.11.2026, o godz. 19:15:"),
    ("apple-ios-ru.eml", "У курьера был старый адрес.\n", "Отправлено с iPhone",
     "23 нояб. 2026 г., в 19:15, Jeff (via Qmark) <qmark@example.com> написал(а):"),
    ("apple-ios-sv.eml", "Budet hade den gamla adressen.\n", "Skickat från min iPhone",
     "23 nov. 2026 kl. 19:15 skrev Jeff (via Qmark) <qmark@example.com>:"),
    ("apple-ios-tr.eml", "Kuryede eski adres vardı.\n", "iPhone'umdan gönderildi",
     "23 Kas 2026 tarihinde 19:15 saatinde, Jeff (via Qmark) <qmark@example.com> şunları yazdı:"),
    ("apple-ios-vi.eml", "Bên giao hàng dùng địa chỉ cũ.\n", "Gửi từ iPhone của tôi",
     "Vào 19:15, ngày 23 thg 11, 2026, Jeff (via Qmark) <qmark@example.com> đã viết:"),
    ("apple-ios-zh-cn.eml", "快递用了旧地址。\n", "发自我的iPhone",
     "2026年11月23日 19:15，Jeff (via Qmark) <qmark@example.com> 写道："),
    ("apple-ios-es.eml", "El mensajero tenía la dirección antigua.\n", "Enviado desde mi iPhone",
     "El 23 nov 2026, a las 19:15, Jeff (via Qmark) <qmark@example.com> escribió:"),
    ("apple-ios-it.eml", "Il corriere aveva il vecchio indirizzo.\n", "Inviato da iPhone",
     "Il giorno 23 nov 2026, alle ore 19:15, Jeff (via Qmark) <qmark@example.com> ha scritto:"),
]


# Outlook on the web / new Outlook in other languages: the rule, then the header block with the
# labels of the interface language (From, Sent, To, Subject), in the text part and as <hr> + bold
# keys in the HTML part. Row: name, answer, (from, sent, to, subject) labels, the sent date.
WORLD_OUTLOOK = [
    ("outlook-web-fr.eml", "Le transporteur avait l'ancienne adresse.\n", ("De", "Envoyé", "À", "Objet"),
     "lundi 23 novembre 2026 11:15"),
    ("outlook-web-es.eml", "El mensajero tenía la dirección antigua.\n", ("De", "Enviado", "Para", "Asunto"),
     "lunes, 23 de noviembre de 2026 11:15"),
    ("outlook-web-pt.eml", "A transportadora tinha o endereço antigo.\n", ("De", "Enviado", "Para", "Assunto"),
     "segunda-feira, 23 de novembro de 2026 11:15"),
    ("outlook-web-it.eml", "Il corriere aveva il vecchio indirizzo.\n", ("Da", "Inviato", "A", "Oggetto"),
     "lunedì 23 novembre 2026 11:15"),
    ("outlook-web-nl.eml", "De koerier had het oude adres.\n", ("Van", "Verzonden", "Aan", "Onderwerp"),
     "maandag 23 november 2026 11:15"),
    ("outlook-web-pl.eml", "Kurier miał stary adres.\n", ("Od", "Wysłane", "Do", "Temat"),
     "poniedziałek, 23 listopada 2026 11:15"),
    ("outlook-web-ru.eml", "У курьера был старый адрес.\n", ("От", "Отправлено", "Кому", "Тема"),
     "23 ноября 2026 г. 11:15"),
    ("outlook-web-sv.eml", "Budet hade den gamla adressen.\n", ("Från", "Skickat", "Till", "Ämne"),
     "den 23 november 2026 11:15"),
    ("outlook-web-tr.eml", "Kuryede eski adres vardı.\n", ("Kimden", "Gönderildi", "Kime", "Konu"),
     "23 Kasım 2026 Pazartesi 11:15"),
    ("outlook-web-vi.eml", "Bên giao hàng dùng địa chỉ cũ.\n", ("Từ", "Đã gửi", "Đến", "Chủ đề"),
     "Thứ Hai, 23 tháng 11, 2026 11:15"),
    ("outlook-web-zh-cn.eml", "快递用了旧地址。\n", ("发件人", "发送时间", "收件人", "主题"), "2026年11月23日 11:15"),
    ("outlook-web-zh-tw.eml", "快遞用了舊地址。\n", ("寄件者", "寄件日期", "收件者", "主旨"), "2026年11月23日 上午 11:15"),
]


# Thunderbird in other languages: its localised "reply header" (the default "on date, author
# wrote" form, the name only) above the quoted "?", the answer on top, sent as UTF-8 8bit with
# format=flowed. Row: name, Content-Language, answer, attribution.
WORLD_THUNDERBIRD = [
    ("thunderbird-fr.eml", "fr", "Le transporteur avait l'ancienne adresse. Nous renvoyons aujourd'hui.\n",
     "Le 23/11/2026 à 11:15, Jeff (via Qmark) a écrit :"),
    ("thunderbird-es.eml", "es-ES", "El mensajero tenía la dirección antigua. Lo reenviamos hoy.\n",
     "El 23/11/26 a las 11:15, Jeff (via Qmark) escribió:"),
    ("thunderbird-pt-pt.eml", "pt-PT", "O estafeta tinha a morada antiga. Reenviamos hoje.\n",
     "Às 11:15 de 23/11/2026, Jeff (via Qmark) escreveu:"),
    ("thunderbird-pt-br.eml", "pt-BR", "O entregador tinha o endereço antigo. Reenviamos hoje.\n",
     "Em 23/11/2026 11:15, Jeff (via Qmark) escreveu:"),
    ("thunderbird-it.eml", "it", "Il corriere aveva il vecchio indirizzo. Rispediamo oggi.\n",
     "Il 23/11/26 11:15, Jeff (via Qmark) ha scritto:"),
    ("thunderbird-nl.eml", "nl", "De koerier had het oude adres. We versturen het vandaag opnieuw.\n",
     "Op 23-11-2026 om 11:15 schreef Jeff (via Qmark):"),
    ("thunderbird-sv.eml", "sv-SE", "Budet hade den gamla adressen. Vi skickar igen i dag.\n",
     "Den 2026-11-23 kl. 11:15, skrev Jeff (via Qmark):"),
    ("thunderbird-da.eml", "da", "Budet havde den gamle adresse. Vi sender igen i dag.\n",
     "Den 23-11-2026 kl. 11.15 skrev Jeff (via Qmark):"),
    ("thunderbird-tr.eml", "tr", "Kuryede eski adres vardı. Bugün yeniden gönderiyoruz.\n",
     "23.11.2026 11:15 tarihinde Jeff (via Qmark) yazdı:"),
    ("thunderbird-vi.eml", "vi", "Bên giao hàng dùng địa chỉ cũ. Hôm nay chúng tôi gửi lại.\n",
     "Vào lúc 11:15 ngày 23/11/2026, Jeff (via Qmark) đã viết:"),
    ("thunderbird-ja.eml", "ja", "配送業者が古い住所を使っていました。本日再送します。\n",
     "2026/11/23 11:15 に Jeff (via Qmark) さんは書きました:"),
    ("thunderbird-zh-tw.eml", "zh-TW", "快遞用了舊地址，今天重新寄出。\n",
     "Jeff (via Qmark) 於 2026/11/23 11:15 寫道:"),
    ("thunderbird-ko.eml", "ko", "택배사가 예전 주소로 보냈습니다. 오늘 다시 보냅니다.\n",
     "2026-11-23 오전 11:15에 Jeff (via Qmark) 이(가) 쓴 글:"),
]


def thunderbird_world(name, language, answer, attribution):
    quoted = "\n".join(">" if not l else "> " + l for l in question_text("en").split("\n"))
    text = answer + "\n" + attribution + "\n" + quoted + "\n"
    ident = _world_id(name, 32)
    head = (dana("mout01.posteo.example", "185.67.36.65", "Mon, 23 Nov 2026 10:45:13 +0000 (UTC)", _world_id(name + "s", 24))
            + "Message-ID: <" + ident[:8] + "-" + ident[8:12] + "-" + ident[12:16] + "-" + ident[16:20] + "-" + ident[20:]
            + "@example.com>\n"
            "Date: Mon, 23 Nov 2026 11:45:11 +0100\n"
            "MIME-Version: 1.0\n"
            "User-Agent: Mozilla Thunderbird\n"
            "Subject: Re: ? " + QUESTIONS["en"][0] + "\n"
            "Content-Language: " + language + "\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "References: " + QUESTION_ID + "\n"
            "From: Dana <dana@example.com>\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
            "Content-Transfer-Encoding: 8bit")
    return head, lines(text).encode("utf-8")


RULELESS = {"outlook-web-es.eml", "outlook-web-pl.eml", "outlook-web-ru.eml", "outlook-web-tr.eml",
             "outlook-web-vi.eml", "outlook-web-zh-tw.eml"}


def outlook_world(name, answer, labels, sent):
    key_from, key_sent, key_to, key_subject = labels
    sep = "：" if name.endswith(("zh-cn.eml", "zh-tw.eml")) else ": "
    block = [(key_from, "Jeff (via Qmark) <qmark@example.com>"), (key_sent, sent),
             (key_to, "Dana <dana@example.com>"), (key_subject, "? " + QUESTIONS["en"][0])]
    # Outlook desktop's text part has no rule above the block (as outlook-desktop-en.eml): half the rows
    rule = "" if name in RULELESS else "________________________________\n"
    text = (answer + "\n" + rule
            + "".join(k + sep + v + "\n" for k, v in block) + "\n" + question_text("en") + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">'
            '<div class="elementToProof">' + answer.rstrip("\n") + '</div><div id="appendonsend"></div>'
            '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">'
            '<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
            + "<br>\n".join("<b>" + k + sep.strip() + "</b> " + v.replace("<", "&lt;").replace(">", "&gt;") for k, v in block)
            + '</font><div>&nbsp;</div></div>' + question_html("en") + '</body></html>\n')
    ident = _world_id(name, 40).upper()
    boundary = "_000_" + ident + "_"
    head = (dana("EUR05-AM6-obe.outbound.protection.outlook.com", "40.107.22.100", "Mon, 23 Nov 2026 10:15:42 +0000 (UTC)",
                 _world_id(name + "s", 24))
            + "From: Dana <dana@example.com>\n"
            "To: \"Jeff (via Qmark)\" <{{REPLY_TO}}>\n"
            "Subject: Re: ? " + QUESTIONS["en"][0] + "\n"
            "Thread-Topic: ? " + QUESTIONS["en"][0] + "\n"
            "Date: Mon, 23 Nov 2026 10:15:40 +0000\n"
            "Message-ID: <" + ident + "@AM6PR05MB0001.eurprd05.prod.outlook.com>\n"
            "References: " + QUESTION_ID + "\n"
            "In-Reply-To: " + QUESTION_ID + "\n"
            "Content-Type: multipart/alternative;\n"
            "\tboundary=\"" + boundary + "\"\n"
            "MIME-Version: 1.0")
    body = multipart(boundary, [
        part("Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64", b64(lines(text).encode("utf-8"))),
        part("Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64", b64(lines(html).encode("utf-8"))),
    ])
    return head, body


def _world_id(name, width):
    """A stable hex id per file, so that the output stays deterministic."""
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:width]


def _register_world():
    for name, answer, attribution in WORLD_GMAIL:
        def build(name=name, answer=answer, attribution=attribution):
            html_attr = attribution.replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")
            return gmail_reply("en", answer, attribution, html_attr, "0000000000" + _world_id(name, 18),
                               "CAF7xQp" + _world_id(name + "m", 40), _world_id(name + "s", 24),
                               "Mon, 23 Nov 2026 10:40:00 +0000 (UTC)")
        mail("replies", name)(build)
    for name, answer, signature, attribution in WORLD_APPLE:
        def build(name=name, answer=answer, signature=signature, attribution=attribution):
            ident = _world_id(name, 32).upper()
            return apple_reply("en", answer, signature, attribution, "Apple-Mail-" + ident,
                               _world_id(name + "m", 32).upper(), _world_id(name + "s", 24))
        mail("replies", name)(build)
    for name, answer, labels, sent in WORLD_OUTLOOK:
        mail("replies", name)(lambda name=name, answer=answer, labels=labels, sent=sent:
                              outlook_world(name, answer, labels, sent))
    for name, language, answer, attribution in WORLD_THUNDERBIRD:
        mail("replies", name)(lambda name=name, language=language, answer=answer, attribution=attribution:
                              thunderbird_world(name, language, answer, attribution))


_register_world()


# ========================================================================================= main

def main():
    for (directory, name), build in sorted(MAILS.items()):
        head, body = build()
        data = part(head, body)
        with open(os.path.join(HERE, directory, name), "wb") as f:
            f.write(data)
        print("%-9s %-55s %6d bytes" % (directory, name, len(data)))


if __name__ == "__main__":
    main()
