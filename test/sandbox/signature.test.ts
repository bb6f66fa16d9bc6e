// The signer against the official test vectors (reference §1.3), and the form decoder under it.
import {createHmac} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {decodeForm} from '../../source/sandbox/form.js';
import {
	canonicalQuery,
	percentEncode,
	sign,
	signaturesMatch,
	signedForm,
	stringToSign,
} from '../../source/sandbox/signature.js';

const tv1 = {
	Timestamp: '2016-02-23T12:46:24Z',
	Format: 'XML',
	AccessKeyId: 'testid',
	Action: 'DescribeRegions',
	SignatureMethod: 'HMAC-SHA1',
	SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
	Version: '2014-05-26',
	SignatureVersion: '1.0',
};

const tv2 = {
	AccessKeyId: 'accessKeyId',
	Action: '',
	Format: 'JSON',
	RegionId: 'regionId',
	SignatureMethod: 'HMAC-SHA1',
	SignatureNonce: 'MOCK_UUID',
	SignatureType: '',
	SignatureVersion: '1.0',
	Timestamp: 'mock date',
	Version: '',
};

const derived = {
	AccessKeyId: 'testid',
	Action: 'CreateSecurityGroup',
	Format: 'JSON',
	RegionId: 'cn-hangzhou',
	SecurityGroupName: 'web-sg_01',
	Description: "Wizard SG (ssh*) 中文 ~!'",
	VpcId: 'vpc-123',
	'Tag.1.Key': 'env',
	'Tag.1.Value': 'dev test',
	SignatureMethod: 'HMAC-SHA1',
	SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
	SignatureVersion: '1.0',
	Timestamp: '2016-02-23T12:46:24Z',
	Version: '2014-05-26',
};

const entries = (o: Record<string, string>) => Object.entries(o);

describe('signature V2 test vectors', () => {
	it('TV1: the official string to sign and signature (GET)', () => {
		expect(stringToSign('GET', entries(tv1))).toBe(
			'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
		);
		expect(sign('GET', entries(tv1), 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
	});

	it('TV1: the query pop-core sends, Signature percent-encoded', () => {
		expect(signedForm('GET', tv1, 'testsecret')).toBe(
			'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D',
		);
	});

	it('TV1 signed for POST differs: the method is part of the string to sign', () => {
		expect(sign('POST', entries(tv1), 'testsecret')).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
	});

	it('the TimeStamp trap: only the misspelt name gives the other published value', () => {
		const misspelt = {...tv1, TimeStamp: tv1.Timestamp} as Record<string, string>;
		delete misspelt.Timestamp;
		expect(sign('GET', entries(misspelt), 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
		expect(sign('GET', entries(tv1), 'testsecret')).not.toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
	});

	it('TV2 and TV3 (Go SDK): empty values signed, a space double-encoded, SecurityToken signed', () => {
		expect(stringToSign('GET', entries(tv2))).toBe(
			'GET&%2F&AccessKeyId%3DaccessKeyId%26Action%3D%26Format%3DJSON%26RegionId%3DregionId%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3DMOCK_UUID%26SignatureType%3D%26SignatureVersion%3D1.0%26Timestamp%3Dmock%2520date%26Version%3D',
		);
		expect(sign('GET', entries(tv2), 'accessKeySecret')).toBe('7loPmFjvDnzOVnQeQNj85S6nFGY=');
		const tv3 = {...tv2, SecurityToken: 'accessKeyStsToken'};
		expect(sign('GET', entries(tv3), 'accessKeySecret')).toBe('5Nxdcler+ihqWqv0Hr2On4PsBf4=');
	});

	it('the derived vector: reserved characters, Chinese, ~, tags (GET and POST)', () => {
		expect(canonicalQuery(entries(derived))).toBe(
			'AccessKeyId=testid&Action=CreateSecurityGroup&Description=Wizard%20SG%20%28ssh%2A%29%20%E4%B8%AD%E6%96%87%20~%21%27&Format=JSON&RegionId=cn-hangzhou&SecurityGroupName=web-sg_01&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Tag.1.Key=env&Tag.1.Value=dev%20test&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26&VpcId=vpc-123',
		);
		expect(sign('GET', entries(derived), 'testsecret')).toBe('9jTKJ3RUEer2bVG6Xt1xrtGXquc=');
		expect(sign('POST', entries(derived), 'testsecret')).toBe('sxA7WTWvkf5UoS6zZGMQ55CaW8w=');
	});

	it('repeat lists are sorted by name after flattening (Tag.10 before Tag.2)', () => {
		const query = canonicalQuery([
			['Tag.2.Key', 'b'],
			['Tag.10.Key', 'a'],
			['Tag.1.Key', 'c'],
		]);
		expect(query).toBe('Tag.1.Key=c&Tag.10.Key=a&Tag.2.Key=b');
	});

	it('Signature itself is never part of what is signed', () => {
		expect(stringToSign('GET', [...entries(tv1), ['Signature', 'x']])).toBe(
			stringToSign('GET', entries(tv1)),
		);
	});

	it('raw HMAC-SHA1 checks from the Go SDK', () => {
		const hmac = (text: string) => createHmac('sha1', 'secret').update(text, 'utf8').digest('base64');
		expect(hmac('source')).toBe('Jv4yi8SobFhg5t1C7nWLbhBSFZQ=');
		expect(hmac('中文')).toBe('CqCYIa39h9SSWuXnTz8F5hh9UPA=');
	});

	it('percent-encodes as RFC 3986', () => {
		expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
		expect(percentEncode('中')).toBe('%E4%B8%AD');
		expect(percentEncode('http://domain/?q=value&q2=value2')).toBe(
			'http%3A%2F%2Fdomain%2F%3Fq%3Dvalue%26q2%3Dvalue2',
		);
	});

	it('compares signatures exactly', () => {
		expect(signaturesMatch('OLeaidS1JvxuMvnyHOwuJ+uX5qY=', 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=')).toBe(true);
		expect(signaturesMatch('OLeaidS1JvxuMvnyHOwuJ+uX5qY=', 'OLeaidS1JvxuMvnyHOwuJ+uX5qZ=')).toBe(false);
		expect(signaturesMatch('abc', 'abcd')).toBe(false);
	});
});

describe('form decoding', () => {
	const decode = (text: string) => decodeForm(Buffer.from(text, 'latin1'));

	it('decodes + as a space and %XY as UTF-8 bytes', () => {
		expect(decode('a=b+c&d=%E4%B8%AD%20x&e=&f')).toEqual({
			ok: true,
			pairs: [
				['a', 'b c'],
				['d', '中 x'],
				['e', ''],
				['f', ''],
			],
		});
	});

	it('skips empty segments and keeps = inside values', () => {
		expect(decode('&&a=1=2&')).toEqual({ok: true, pairs: [['a', '1=2']]});
	});

	it.each(['a=%', 'a=%4', 'a=%zz', 'a=%FF', '=x', 'a=%C3%28'])('refuses %s', (text) => {
		expect(decode(text).ok).toBe(false);
	});
});
