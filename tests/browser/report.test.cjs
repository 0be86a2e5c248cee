/*
 * The HTML report in a real browser (make browser-test): Debian's Chromium,
 * driven by playwright-core from the npm registry (tests/browser/package.json,
 * installed into the build folder).
 *
 *   node tests/browser/report.test.cjs NETMAP OUTDIR
 *
 * 1. The example town (data/): the page loads nothing from anywhere and
 *    breaks no rule of its Content-Security-Policy; clicking a committee
 *    highlights its members and opens the panel; the search box finds an
 *    actor; a theme filter fades the other committees; a finding's link
 *    shows its pair in the network; screenshots at 1280 and 390 px wide;
 *    with JavaScript off, the pictures, findings and profiles are all there.
 * 2. Hostile names (<script>, </svg>, quotes, a javascript: website, a
 *    right-to-left override, a 10,000-character name): no script of the
 *    data runs (window.pwned stays unset) and the page stays interactive.
 * 3. A city-scale dataset (bench/gen.py --scale city --seed 1): the time
 *    until the page is interactive is printed, not asserted.
 *
 * Prints "N passed, N failed" and exits non-zero on a failure.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {execFileSync} = require('child_process');

const [netmap, outdir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!netmap || !outdir) {
	console.error('usage: node report.test.cjs NETMAP OUTDIR');
	process.exit(2);
}
const {chromium} = require(path.join(outdir, 'node_modules', 'playwright-core'));
const src = path.resolve(__dirname, '..', '..');
const shots = path.join(outdir, 'screenshots');
fs.mkdirSync(shots, {recursive: true});

let passed = 0, failed = 0;
function check(ok, what) {
	if (ok) {
		passed++;
		console.log('ok   ' + what);
	} else {
		failed++;
		console.log('FAIL ' + what);
	}
}

function report(name, data, extra) {
	const db = path.join(outdir, name + '.db');
	for (const f of [db, db + '-wal', db + '-shm'])
		fs.rmSync(f, {force: true});
	try {
		execFileSync(netmap, ['scan', '--db', db, '--today', '2026-11-26', data],
			{stdio: ['ignore', 'ignore', 'ignore']});
	} catch (e) {
		if (e.status !== 1) /* 1: warnings */
			throw e;
	}
	const html = execFileSync(netmap, ['report', '--db', db, '--today', '2026-11-26',
		'--format', 'html'].concat(extra || []), {maxBuffer: 1 << 28});
	const file = path.join(outdir, name + '.html');
	fs.writeFileSync(file, html);
	return file;
}

const hostileYaml = `netmap: 1
dataset: "<script>window.pwned='dataset'</script>"
themes:
  - {id: t1, label: "</svg><script>window.pwned='theme'</script>"}
actors:
  - {id: a1, name: "<script>window.pwned='a1'</script>", type: club, themes: [t1],
     website: "javascript:window.pwned='website'"}
  - {id: a2, name: "\\"'><img src=x onerror=\\"window.pwned='img'\\">", type: club,
     website: "javascript:alert(1)"}
  - {id: a3, name: "\\u202Eevil\\u202C RLO Verein", type: migrant_organisation}
  - {id: a4, name: "</script><script>window.pwned='close'</script><!--", type: school}
  - {id: a5, name: "LONG${'W'.repeat(9995)}", type: agency}
  - {id: a6, name: "line\\u2028sep\\u2029end", type: club}
committees:
  - {id: c1, name: "</svg><script>window.pwned='c1'</script>", kind: network,
     themes: [t1], members: [a1, a2, a3, a4, a5, a6]}
  - {id: c2, name: "<img src=x onerror=window.pwned='c2'>", kind: network,
     themes: [t1], members: [a1, a2, a3, a4, a5]}
  - {id: c3, name: "\\u202Egnuhcsrof\\u202C", kind: working_group, members: [a3, a6]}
`;

async function open(context, file) {
	const page = await context.newPage();
	const problems = [];
	page.on('console', (m) => {
		if (m.type() === 'error')
			problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(String(e)));
	page.on('request', (r) => {
		if (!r.url().startsWith('file://'))
			problems.push('request ' + r.url());
	});
	const start = Date.now();
	await page.goto('file://' + file);
	await page.waitForFunction(() => window.netmapReady === true, null, {timeout: 30000});
	return {page, problems, ms: Date.now() - start};
}

async function main() {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'netmap-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
			'--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
		viewport: {width: 1280, height: 900},
	});
	try {
		/* ---- 1. the example town ---- */
		const example = report('example', path.join(src, 'data'), ['--lang', 'en']);
		const size = fs.statSync(example).size;
		console.log(`example town page: ${size} bytes`);
		check(size < 300 * 1024, 'the example town page is under 300 KB');
		let {page, problems} = await open(context, example);
		check(await page.locator('#nm-tools').isVisible(), 'the search and filter bar shows');
		const target = await page.evaluate(() => {
			const D = JSON.parse(document.getElementById('nm-data').textContent);
			const ci = D.c.findIndex((c) => c.id === 'ak-sprache');
			return {ci, members: D.c[ci].m.length, name: D.c[ci].n};
		});
		await page.locator(`#overlaps .node[data-c="${target.ci}"]`).click();
		const sel = await page.evaluate((ci) => ({
			sel: document.querySelectorAll(`#overlaps .node.sel[data-c="${ci}"]`).length,
			nb: document.querySelectorAll('#members .node.actor.nb').length,
			panel: document.querySelector('#nm-panel h3').textContent,
			visible: !document.getElementById('nm-panel').hidden,
			neighbours: document.querySelectorAll('#overlaps .node.nb').length,
		}), target.ci);
		check(sel.sel === 1, 'the clicked committee is highlighted');
		check(sel.nb === target.members,
			`its ${target.members} members are highlighted in the map (${sel.nb})`);
		check(sel.neighbours > 0, `the groups it overlaps with are highlighted (${sel.neighbours})`);
		check(sel.visible && sel.panel === target.name, 'the panel names the committee');
		await page.screenshot({path: path.join(shots, 'example-1280-committee.png')});

		await page.fill('#nm-search', 'jobcenter');
		const hits = await page.locator('#nm-results li').count();
		check(hits >= 1, `the search box finds "jobcenter" (${hits})`);
		check(await page.locator('#members .node.match').count() >= 1,
			'the match is marked in the map');
		await page.locator('#nm-results button').first().click();
		check((await page.locator('#nm-panel h3').textContent()).includes('Jobcenter'),
			'clicking a result shows the actor with its committees');

		const themes = await page.locator('#nm-f-theme option').allTextContents();
		await page.selectOption('#nm-f-theme', {label: 'Gesundheit'});
		const off = await page.locator('#overlaps .node.off').count();
		const hidden = await page.locator('details.profile[hidden]').count();
		check(themes.length > 5 && off > 0 && hidden > 0,
			`the theme filter fades ${off} committees and hides ${hidden} profiles`);
		const count = await page.locator('#nm-count').textContent();
		check(/^\d+ \/ \d+ committees$/.test(count), `the filter says how many: "${count}"`);
		await page.screenshot({path: path.join(shots, 'example-1280-filter.png'), fullPage: false});
		await page.selectOption('#nm-f-theme', '');
		await page.selectOption('#nm-f-finding', 'dup');
		check(await page.locator('#overlaps .node.off').count() > 0, 'the finding filter applies');
		await page.selectOption('#nm-f-finding', '');

		await page.locator('a.tomap').first().click();
		check(await page.locator('#overlaps .edge.sel').count() >= 1,
			'a finding\'s link shows its pair in the network');
		await page.locator('#nm-panel a[href^="#f-"]').first().click();
		check(await page.evaluate(() => location.hash.startsWith('#f-')),
			'and the panel links back to the finding');
		await page.locator('details.profile a.pick').first().click();
		check(await page.locator('#overlaps .node.sel').count() >= 1,
			'a profile\'s link shows the committee in the network');
		await page.locator('#review a.pick').first().click();
		const reviewed = await page.locator('#review a.pick strong').first().textContent();
		check((await page.locator('#nm-panel h3').textContent()) === reviewed,
			'a committee named in a finding opens in the panel');
		await page.locator('#load a.pick-a').first().click();
		check(await page.locator('#members .node.actor.sel').count() === 1,
			'an actor named in a finding is highlighted in the map');
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({path: path.join(shots, 'example-1280.png'), fullPage: true});
		check(problems.length === 0, 'no console error, no CSP violation, no request: ' +
			JSON.stringify(problems.slice(0, 3)));
		await page.close();

		({page, problems} = await open(context, example));
		await page.setViewportSize({width: 390, height: 844});
		await page.locator('#overlaps .node').first().click();
		await page.screenshot({path: path.join(shots, 'example-390-committee.png')});
		await page.evaluate(() => document.getElementById('nm-panel').hidden = true);
		await page.screenshot({path: path.join(shots, 'example-390.png'), fullPage: true});
		const overflow = await page.evaluate(() =>
			document.documentElement.scrollWidth - document.documentElement.clientWidth);
		check(overflow <= 0, `the phone page does not scroll sideways (${overflow} px)`);
		await page.close();

		/* ---- without the script: the static page stays complete ---- */
		{
			const noJs = await context.browser().newContext({javaScriptEnabled: false});
			const p2 = await noJs.newPage();
			await p2.goto('file://' + example);
			const staticPage = await p2.evaluate(() => ({
				pictures: document.querySelectorAll('svg.net').length,
				profiles: document.querySelectorAll('details.profile').length,
				findings: document.querySelectorAll('li[id^="f-"]').length,
			}));
			check(!(await p2.locator('#nm-tools').isVisible()),
				'without the script the search bar stays hidden');
			check(staticPage.pictures === 2 && staticPage.profiles === 22 &&
				staticPage.findings === 6, 'and the page has both pictures, 22 ' +
				'profiles and 6 pair findings ' + JSON.stringify(staticPage));
			await p2.screenshot({path: path.join(shots, 'example-1280-no-script.png')});
			await noJs.close();
		}

		/* ---- 2. hostile names ---- */
		const yaml = path.join(outdir, 'hostile.yaml');
		fs.writeFileSync(yaml, hostileYaml);
		const hostile = report('hostile', yaml, ['--lang', 'de']);
		({page, problems} = await open(context, hostile));
		await page.locator('#overlaps .node').first().click();
		await page.fill('#nm-search', 'evil');
		await page.locator('#nm-results button').first().click();
		await page.fill('#nm-search', 'LONGWWW');
		const state = await page.evaluate(() => ({
			pwned: window.pwned,
			panel: !document.getElementById('nm-panel').hidden,
			results: document.querySelectorAll('#nm-results li').length,
			scripts: document.scripts.length,
			images: document.images.length,
			js: Array.from(document.querySelectorAll('a[href]'))
				.filter((a) => !a.getAttribute('href').startsWith('#')).length,
		}));
		check(state.pwned === undefined, 'no script of the data ran (window.pwned unset)');
		check(state.scripts === 2, `only the page's two script elements exist (${state.scripts})`);
		check(state.images === 0, 'no image element came from the data');
		check(state.js === 0, 'no link leaves the page (javascript: websites are not links)');
		check(state.panel && state.results >= 1, 'the hostile page stays interactive');
		check(problems.length === 0, 'no console error on the hostile page: ' +
			JSON.stringify(problems.slice(0, 3)));
		await page.screenshot({path: path.join(shots, 'hostile-1280.png')});
		await page.close();

		/* ---- 3. city scale ---- */
		const city = path.join(outdir, 'city');
		if (!fs.existsSync(city))
			execFileSync('python3', [path.join(src, 'bench', 'gen.py'), '--scale', 'city',
				'--seed', '1', city], {stdio: 'ignore'});
		const cityPage = report('city', city, ['--lang', 'en']);
		const opened = await open(context, cityPage);
		console.log(`city-scale page: ${fs.statSync(cityPage).size} bytes, interactive ` +
			`after ${opened.ms} ms`);
		await opened.page.locator('#overlaps .node').first().click();
		check(await opened.page.locator('#nm-panel svg.mini').count() === 1,
			'a committee of the city shows its own actor-committee map');
		await opened.page.screenshot({path: path.join(shots, 'city-1280.png')});
		check(opened.problems.length === 0, 'no console error on the city page');
		await opened.page.close();
	} finally {
		await context.close();
		fs.rmSync(profile, {recursive: true, force: true});
	}
	console.log(`screenshots in ${shots}`);
	console.log(`browser-test: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	console.log(`browser-test: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
});
