"""Builds the mails, zips and hostile files in fixtures/returned/ (see its README).

    npx tsx test/support/returned-forms.ts /tmp/forms
    python3 test/support/make_returned_fixtures.py /tmp/forms fixtures/returned

Mails are written byte by byte as Foxmail and Outlook write them (GB18030 / GB2312 bodies, RFC 2047
names); zips are written with CP936 names and without the UTF-8 flag, as Windows' own zip and 好压 do.
"""
import base64
import io
import os
import quopri
import struct
import subprocess
import sys
import zipfile

forms, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(out, 'hostile'), exist_ok=True)


def form(name):
    with open(os.path.join(forms, name), 'rb') as f:
        return f.read()


def rfc2047(text, charset='GB18030'):
    return '=?%s?B?%s?=' % (charset, base64.b64encode(text.encode(charset.lower())).decode())


def b64lines(data):
    encoded = base64.b64encode(data).decode()
    return '\r\n'.join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def write(path, data):
    with open(os.path.join(out, path), 'wb') as f:
        f.write(data)


DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


def attachment(boundary, name, data, mime=DOCX):
    encoded = rfc2047(name)
    return (f'--{boundary}\r\nContent-Type: {mime};\r\n\tname="{encoded}"\r\n'
            f'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename="{encoded}"\r\n\r\n'
            + b64lines(data) + '\r\n')


def foxmail(subject, sender, body, attachments, boundary='----=_001_NextPart572182624333_=----'):
    """A mail as Foxmail 7 sends it: GB18030 text and HTML, attachments named in RFC 2047."""
    alt = '----=_002_NextPart121456223814_=----'
    html = '<html><head><meta http-equiv="content-type" content="text/html; charset=GB18030"></head><body>' + ''.join(
        f'<div>{line or "<br>"}</div>' for line in body.split('\n')) + '</body></html>'
    text = (f'Date: Wed, 16 Oct 2024 15:32:10 +0800\r\nFrom: "{rfc2047(sender)}" <office@example.org>\r\n'
            f'To: "{rfc2047("省扶贫协作办")}" <fpxzb@example.org>\r\nSubject: {rfc2047(subject)}\r\n'
            'X-Priority: 3\r\nX-Has-Attach: yes\r\nX-Mailer: Foxmail 7.2.25.228[cn]\r\nMime-Version: 1.0\r\n'
            'Message-ID: <202410161532104561234@example.org>\r\n'
            f'Content-Type: multipart/mixed;\r\n\tboundary="{boundary}"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n'
            f'--{boundary}\r\nContent-Type: multipart/alternative;\r\n\tboundary="{alt}"\r\n\r\n\r\n'
            f'--{alt}\r\nContent-Type: text/plain;\r\n\tcharset="GB18030"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + b64lines(body.replace('\n', '\r\n').encode('gb18030')) + '\r\n\r\n'
            f'--{alt}\r\nContent-Type: text/html;\r\n\tcharset="GB18030"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + b64lines(html.encode('gb18030')) + f'\r\n\r\n--{alt}--\r\n\r\n'
            + ''.join(attachment(boundary, name, data) for name, data in attachments) + f'\r\n--{boundary}--\r\n\r\n')
    return text.encode('ascii')


def outlook(subject, sender, body):
    """A mail as Outlook sends it: GB2312 quoted-printable text and HTML, no attachment."""
    boundary = '_000_HK0PR03MB4785A1B2C3D4E5F6HK0PR03MB4785apcp_'
    qp = lambda s: quopri.encodestring(s.replace('\n', '\r\n').encode('gb2312')).decode()
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body lang="ZH-CN">' + ''.join(
        f'<p class="MsoNormal"><span style="font-family:仿宋">{line or "&nbsp;"}</span></p>' for line in body.split('\n')) + '</body></html>'
    text = (f'From: {rfc2047(sender, "gb2312")} <fulian@example.org>\r\nTo: {rfc2047("省扶贫协作办", "gb2312")} <fpxzb@example.org>\r\n'
            f'Subject: {rfc2047(subject, "gb2312")}\r\nThread-Topic: {rfc2047(subject, "gb2312")}\r\n'
            'Date: Wed, 16 Oct 2024 09:12:44 +0000\r\nMessage-ID: <HK0PR03MB4785A1B2C3D4E5F6@HK0PR03MB4785.apcprd03.prod.outlook.com>\r\n'
            'Accept-Language: zh-CN, en-US\r\nContent-Language: zh-CN\r\nX-MS-Has-Attach:\r\n'
            f'Content-Type: multipart/alternative;\r\n\tboundary="{boundary}"\r\nMIME-Version: 1.0\r\n\r\n'
            f'--{boundary}\r\nContent-Type: text/plain; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
            + qp(body) + f'\r\n\r\n--{boundary}\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
            + qp(html) + f'\r\n\r\n--{boundary}--\r\n')
    return text.encode('ascii')


class CP936Name(zipfile.ZipInfo):
    """An entry whose name is stored in CP936 without the UTF-8 flag (bit 11), as Windows' zip writes it."""

    def _encodeFilenameFlags(self):
        return self.filename.encode('gbk'), self.flag_bits & ~0x800


def cp936_zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = CP936Name(name, date_time=(2024, 10, 16, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


# 1. A form filled in and saved as .doc by LibreOffice.
subprocess.run(['soffice', '--headless', '--convert-to', 'doc', '--outdir', forms, os.path.join(forms, '财政厅.docx')],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
write('财政厅意见反馈表.doc', form('财政厅.doc'))

# 2. Foxmail: a greeting in the body, the filled form attached under an RFC 2047 name.
write('省科协-Foxmail.eml', foxmail('省科协关于实施意见（征求意见稿）的反馈', '福建省科协办公室',
      '省扶贫协作办：\n\n    您好！附件是我会的意见反馈表，请查收。\n\n福建省科协办公室\n2024年10月16日',
      [('意见反馈表（省科协）.docx', form('科协.docx'))]))

# 3. Outlook: the comments in the body, the letter quoted below.
write('妇联意见-Outlook.eml', outlook('答复：关于征求《实施意见（征求意见稿）》意见的函', '福建省妇联办公室',
      '省扶贫协作办：\n    我会认真研究了《实施意见（征求意见稿）》，提出以下意见：\n'
      '    1. 任务5中建议增加“巾帼助力乡村振兴”相关内容。\n'
      '    2. 第三部分建议明确妇联在东西部协作中的职责分工，并列出联系人。\n'
      '福建省妇女联合会\n2024年10月16日\n\n-----原始邮件-----\n发件人: 省扶贫协作办 <fpxzb@example.org>\n'
      '主题: 关于征求《实施意见（征求意见稿）》意见的函\n\n一、加强产业协作\n二、深化劳务协作'))

# 4. Two units' forms zipped by a clerk, CP936 names, with a thumbnail cache.
write('群团组织反馈意见.zip', cp936_zip([('团省委意见反馈表.docx', form('团省委.docx')),
                                         ('省侨联/意见反馈表（省侨联）.docx', form('侨联.docx')),
                                         ('Thumbs.db', b'\0' * 64)]))

# 5. Hostile: a zip inside a zip inside a mail.
inner = cp936_zip([('意见反馈表（省残联）.docx', form('残联.docx'))])
outer = cp936_zip([('省残联反馈-内层.zip', inner)])
write('hostile/省残联-套娃.eml', foxmail('省残联反馈', '省残联', '见附件。', [('省残联反馈.zip', outer)], '----=_001_A_=----'))

# 6. Hostile: a mail with 300 attachments, and a mail nested 5000 MIME levels deep.
write('hostile/附件过多.eml', foxmail('反馈', '某单位', '见附件。', [(f'附件{i}.txt', b'x') for i in range(300)], '----=_001_B_=----'))
nested = ''.join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(5000))
write('hostile/层层嵌套.eml', ('From: a@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n' + nested + 'Content-Type: text/plain\r\n\r\nx\r\n').encode())

# 7. Hostile: a .doc whose header claims 16 million FAT sectors.
doc = bytearray(form('财政厅.doc'))
doc[0x2c:0x30] = struct.pack('<I', 0x00FFFFFF)
write('hostile/扇区数异常.doc', bytes(doc))

# 8. Hostile: a zip of two zips, each holding two 20 MB scans (all zeros): 80 MB inside a 40 KB file.
scans = cp936_zip([('扫描1.png', bytes(20 * 1024 * 1024)), ('扫描2.png', bytes(20 * 1024 * 1024))])
write('hostile/压缩包套压缩包.zip', cp936_zip([('第一批.zip', scans), ('第二批.zip', scans)]))
