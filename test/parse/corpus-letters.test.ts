// Shapes found in the tune letters of the corpus (fixtures/corpus, README there), each read on the letter that
// has it: what a clerk would see wrong in the outline if the shape were not read.
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/outline/parse.js';
import { fixture } from '../support/cli.js';

const parse = (name: string) => parseLetter(fixture(name));
const letter = async (name: string) => (await parse(name)).letter;
const unitsOf = async (name: string, number: string): Promise<string[]> =>
  (await parse(name)).tasks.find((task) => task.number === number)?.responsibleUnits.map((unit) => unit.raw) ?? [];

describe('titles as web pages and databases print them', () => {
  it('a title in 《》 loses them and keeps its 文种', async () => {
    const { title, kind } = await letter('corpus/letters/15-jingzhengbanfa-2016-26-zhengwu-gongkai-yaodian.txt');
    expect(title).toBe('北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知');
    expect(kind).toBe('通知');
  });

  it('a title in 《》 over a numbered heading (一、征集时间) does not take the heading', async () => {
    const { title, kind } = await letter('corpus/letters/17-wudang-2022-shijian-shishi-zhengji-gonggao.txt');
    expect(title?.endsWith('拟建项目的公告')).toBe(true);
    expect(kind).toBe('公告');
  });

  it('a title with its number bracketed after it: the title without the number, the number found', async () => {
    const { title, docNumber } = await letter('corpus/letters/20-jian-jifufa-2003-37-zhengwu-gongkai-xize.txt');
    expect(title).toBe('关于印发吉安市市本级政务公开工作实施细则的通知');
    expect(docNumber?.text).toBe('吉府发〔2003〕37号');
  });

  it('a title in traditional characters over two lines, its 文种 as written', async () => {
    const { title, kind, mainRecipients } = await letter('corpus/letters/31-hubei-ezhengfa-2018-26-yingshang-huanjing-fanti.txt');
    expect(title).toBe('省人民政府關于進一步優化營商環境的若干意見');
    expect(kind).toBe('意見');
    expect(mainRecipients).toEqual(['各市、州、縣人民政府', '省政府各部門']);
  });
});

describe('主送 and 抄送 item by item', () => {
  it('splits 国务院各部委、各直属机构 but keeps the enumeration 各省、自治区、直辖市人民政府 whole', async () => {
    const { mainRecipients, mainRecipientRuns } = await letter('public/06-govcn-guobanfa-2018-117-ducha-jili.txt');
    expect(mainRecipients).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委', '各直属机构']);
    expect(mainRecipientRuns).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
  });

  it('keeps 中央、省驻岳单位 whole and splits 各县市区委、人民政府', async () => {
    const { mainRecipients } = await letter('corpus/letters/09-yueyang-yuebanfa-2017-2-zhengwu-gongkai.txt');
    expect(mainRecipients).toEqual(['各县市区委', '人民政府', '岳阳经济技术开发区', '城陵矶新港区', '南湖新区', '屈原管理区', '市直各单位', '中央、省驻岳单位']);
  });

  it('reads a 主送 line ending in traditional characters (直屬機構)', async () => {
    const { mainRecipients } = await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt');
    expect(mainRecipients).toEqual(['各縣、區人民政府', '遼東灣新區', '高新技術產業開發區管委會', '市政府各部門', '直屬機構']);
  });

  it('reads a 主送 that names people or a person', async () => {
    expect((await letter('corpus/letters/08-fuliang-renda-2018-pingyi-tongzhi.txt')).mainRecipients).toEqual(['各位人大代表']);
    expect((await letter('corpus/letters/33-govcn-guobanhan-2005-21-jieshui-fuhan.txt')).mainRecipients).toEqual(['马万祺副主席']);
  });

  it('keeps 各省、自治區、直轄市環境保護局（廳） of a 抄送 in traditional characters whole', async () => {
    const { copyTo } = await letter('public/13-sepa-2007-huanfa-163-wuzhong-ziyuan-big5.txt');
    expect(copyTo).toContain('各省、自治區、直轄市環境保護局（廳）');
    expect(copyTo).not.toContain('自治區');
  });
});

describe('deadlines as consultations write them', () => {
  it('a period under the heading 一、征集时间 ends on the deadline', async () => {
    expect((await letter('corpus/letters/17-wudang-2022-shijian-shishi-zhengji-gonggao.txt')).deadline).toBe('2022-11-30');
  });

  it('即日起至12月15日 takes the year of the 成文日期', async () => {
    expect((await letter('corpus/letters/18-changle-zhengxie-2019-tian-xiansuo-gonggao.txt')).deadline).toBe('2019-12-15');
  });

  it('a sentence that asks twice (2月3日前报送分管市领导…后于2月7日前报送市政府) gives the date the sender gets', async () => {
    expect((await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt')).deadline).toBe('2021-02-07');
  });
});

describe('a consultation page that runs body, 附件, office and date together', () => {
  it('finds the attachment without its file name’s 《》 and .doc, the office and the date', async () => {
    const found = await letter('corpus/letters/01-qingyuan-zrgh-2024-jinliequ-tonggao-zqyj.txt');
    expect(found.attachmentNotes.map((note) => note.title)).toEqual(['庆元县人民政府关于发布陆生野生动物禁猎区和禁猎期的通告（2024年征求意见稿）']);
    expect(found.signature).toBe('庆元县自然资源和规划局');
    expect(found.date).toBe('2024-01-30');
  });
});

describe('contacts and tasks', () => {
  it('reads 聯系人:樸勇智,聯系電話:2805093 in traditional characters', async () => {
    const { contacts } = await letter('corpus/letters/05-panjin-panzhengbanfa-2021-1-renwu-fengong-fanti.txt');
    expect(contacts.map((contact) => [contact.name, contact.phones])).toEqual([['樸勇智', ['2805093']]]);
  });

  it('reads 〔责任单位:…按职责分工负责。具体任务…〕 as the units before 按职责分工负责', async () => {
    expect(await unitsOf('public/11-sichuan-fgw-2022-liutong-tixi-shishifangan.txt', '一')).toEqual(['省发展改革委', '省市场监管局', '商务厅', '省大数据中心']);
  });

  it('reads （税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同） without the remark', async () => {
    expect(await unitsOf('corpus/letters/22-govcn-guofa-2019-3-zonghe-baoshuiqu.txt', '1')).toEqual(['税务总局', '财政部', '海关总署']);
  });
});
