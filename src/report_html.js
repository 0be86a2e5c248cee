/*
 * report_html.js: the interaction of netmap's HTML report. Embedded in the
 * page at build time (cmake/embed.cmake); the page's Content-Security-Policy
 * allows this script by its SHA-256 and nothing else. The data comes from
 * the data block (type application/json, id nm-data); every name is
 * put into the page with textContent, never as markup, and the only links
 * made point inside the page (#p-N, #f-N).
 *
 * Without the script the page is complete: pictures, lists and profiles.
 * With it: click a committee or an actor, search, filter, pan and zoom.
 */
(function () {
	'use strict';
	var el = document.getElementById('nm-data');
	if (!el || !window.JSON)
		return;
	var D = JSON.parse(el.textContent);
	var W = D.w;
	var C = D.c, A = D.a, O = D.o;
	var net = document.getElementById('overlaps');
	var map = document.getElementById('members');
	var panel = document.getElementById('nm-panel');
	var state = {theme: '', type: '', district: '', finding: '', query: ''};
	var i, k;

	/* actor -> committees, committee -> overlaps */
	var actorComms = A.map(function () { return []; });
	var commOverlaps = C.map(function () { return []; });
	C.forEach(function (c, ci) {
		c.m.forEach(function (ai) { actorComms[ai].push(ci); });
	});
	O.forEach(function (o, oi) {
		commOverlaps[o.a].push(oi);
		commOverlaps[o.b].push(oi);
	});

	function make(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null) {
			/* bdi: a name's right-to-left marks stay inside the name */
			var b = document.createElement('bdi');
			b.textContent = String(text);
			e.appendChild(b);
		}
		return e;
	}

	function all(root, sel) {
		return root ? Array.prototype.slice.call(root.querySelectorAll(sel)) : [];
	}

	function setClass(nodes, cls, on) {
		nodes.forEach(function (n) {
			if (on)
				n.classList.add(cls);
			else
				n.classList.remove(cls);
		});
	}

	function clearMarks() {
		[net, map].forEach(function (svg) {
			if (!svg)
				return;
			svg.classList.remove('focus');
			setClass(all(svg, '.sel,.nb'), 'sel', false);
			setClass(all(svg, '.nb'), 'nb', false);
		});
	}

	function commNodes(ci) {
		return all(net, '[data-c="' + ci + '"]').filter(function (n) {
			return !n.classList.contains('edge');
		}).concat(all(map, '.node[data-c="' + ci + '"]'));
	}

	function actorNodes(ai) {
		return all(map, '.node[data-a="' + ai + '"]');
	}

	function button(text, onclick) {
		var b = make('button', 'link', text);
		b.type = 'button';
		b.addEventListener('click', onclick);
		return b;
	}

	function inPageLink(href, text) {
		var a = make('a', '', text);
		a.setAttribute('href', href);
		return a;
	}

	function openPanel(title) {
		panel.textContent = '';
		var close = make('button', 'close', '×');
		close.type = 'button';
		close.setAttribute('aria-label', W.close);
		close.addEventListener('click', function () {
			panel.hidden = true;
			clearMarks();
		});
		panel.appendChild(close);
		panel.appendChild(make('h3', '', title));
		panel.hidden = false;
		return panel;
	}

	function memberMap(ci) {
		/* the committee's own actor-committee map: its box, its members in a column */
		var c = C[ci], n = c.m.length, rowH = 18, h = Math.max(n * rowH + 10, 40);
		var ns = 'http://www.w3.org/2000/svg';
		var svg = document.createElementNS(ns, 'svg');
		svg.setAttribute('viewBox', '0 0 340 ' + h);
		svg.setAttribute('class', 'mini');
		var cy = h / 2;
		var box = document.createElementNS(ns, 'rect');
		box.setAttribute('x', 2); box.setAttribute('y', cy - 14);
		box.setAttribute('width', 110); box.setAttribute('height', 28);
		box.setAttribute('rx', 4); box.setAttribute('class', 'mc');
		svg.appendChild(box);
		var t = document.createElementNS(ns, 'text');
		t.setAttribute('x', 8); t.setAttribute('y', cy + 4);
		t.textContent = c.n.length > 18 ? c.n.slice(0, 17) + '…' : c.n;
		svg.appendChild(t);
		c.m.forEach(function (ai, j) {
			var y = 5 + j * rowH + rowH / 2;
			var l = document.createElementNS(ns, 'line');
			l.setAttribute('x1', 112); l.setAttribute('y1', cy);
			l.setAttribute('x2', 150); l.setAttribute('y2', y);
			svg.appendChild(l);
			var a = document.createElementNS(ns, 'text');
			a.setAttribute('x', 154); a.setAttribute('y', y + 4);
			var name = A[ai].n;
			a.textContent = name.length > 30 ? name.slice(0, 29) + '…' : name;
			a.setAttribute('class', D.v.indexOf(A[ai].y) >= 0 ? 'voice' : '');
			svg.appendChild(a);
		});
		return svg;
	}

	function selectCommittee(ci, scroll) {
		var c = C[ci];
		clearMarks();
		[net, map].forEach(function (svg) { if (svg) svg.classList.add('focus'); });
		setClass(commNodes(ci), 'sel', true);
		c.m.forEach(function (ai) { setClass(actorNodes(ai), 'nb', true); });
		setClass(all(map, '.mem[data-c="' + ci + '"]'), 'sel', true);
		commOverlaps[ci].forEach(function (oi) {
			var o = O[oi], other = o.a === ci ? o.b : o.a;
			setClass(commNodes(other), 'nb', true);
			setClass(all(net, '.edge[data-o="' + oi + '"]'), 'sel', true);
		});
		var p = openPanel(c.n);
		p.appendChild(make('p', 'meta', c.k + ' · ' + c.s + ' · ' + c.m.length + ' ' + W.members));
		if (c.t.length)
			p.appendChild(make('p', '', W.themes + ': ' + c.t.map(function (t) { return D.t[t]; }).join(', ')));
		p.appendChild(make('h4', '', W.members));
		var ul = make('ul', 'plain');
		c.m.forEach(function (ai) {
			var li = make('li');
			li.appendChild(button(A[ai].n, function () { selectActor(ai); }));
			li.appendChild(make('span', 'id', ' ' + D.y[A[ai].y]));
			ul.appendChild(li);
		});
		p.appendChild(ul);
		if (!map)
			p.appendChild(memberMap(ci));
		if (commOverlaps[ci].length) {
			p.appendChild(make('h4', '', W.overlaps));
			var ol = make('ul', 'plain');
			commOverlaps[ci].forEach(function (oi) {
				var o = O[oi], other = o.a === ci ? o.b : o.a;
				var li = make('li', o.cls);
				li.appendChild(button(C[other].n, function () { selectCommittee(other); }));
				li.appendChild(make('span', '', ' ' + W[o.cls] + ', ' + o.s + ' ' + W.shared + ' '));
				li.appendChild(inPageLink('#f-' + oi, W.finding));
				ol.appendChild(li);
			});
			p.appendChild(ol);
		}
		p.appendChild(inPageLink('#p-' + ci, W.profile));
		if (scroll && net)
			net.scrollIntoView({block: 'center'});
	}

	function selectActor(ai) {
		var a = A[ai];
		clearMarks();
		[net, map].forEach(function (svg) { if (svg) svg.classList.add('focus'); });
		setClass(actorNodes(ai), 'sel', true);
		setClass(all(map, '.mem[data-a="' + ai + '"]'), 'sel', true);
		actorComms[ai].forEach(function (ci) { setClass(commNodes(ci), 'nb', true); });
		var p = openPanel(a.n);
		p.appendChild(make('p', 'meta', D.y[a.y] + (a.d ? ' · ' + a.d : '')));
		p.appendChild(make('p', a.o ? 'load over' : 'load',
			W.load + ': ' + actorComms[ai].length + ' ' + W.committees + ', ' +
			a.l + ' ' + W.meetings + (a.o ? ' (' + W.overloaded + ')' : '')));
		var ul = make('ul', 'plain');
		actorComms[ai].forEach(function (ci) {
			var li = make('li');
			li.appendChild(button(C[ci].n, function () { selectCommittee(ci); }));
			ul.appendChild(li);
		});
		p.appendChild(ul);
	}

	function selectOverlap(oi) {
		var o = O[oi];
		selectCommittee(o.a);
		setClass(commNodes(o.b), 'sel', true);
	}

	/* clicks in the pictures and on the links to the map */
	document.addEventListener('click', function (ev) {
		var t = ev.target;
		if (!t || !t.closest)
			return;
		if (t.closest('svg.mini'))
			return;
		var node = t.closest('.node'), edge = t.closest('.edge'), tomap = t.closest('a.tomap');
		if (node && node.hasAttribute('data-c')) {
			ev.preventDefault();
			selectCommittee(+node.getAttribute('data-c'));
		} else if (node && node.hasAttribute('data-a')) {
			ev.preventDefault();
			selectActor(+node.getAttribute('data-a'));
		} else if (edge) {
			ev.preventDefault();
			selectOverlap(+edge.getAttribute('data-o'));
		} else if (tomap) {
			ev.preventDefault();
			selectOverlap(+tomap.getAttribute('data-o'));
			if (net)
				net.scrollIntoView({block: 'center'});
		} else if (t.closest('.pick')) {
			ev.preventDefault();
			selectCommittee(+t.closest('.pick').getAttribute('data-c'), true);
		} else if (t.closest('.pick-a')) {
			ev.preventDefault();
			selectActor(+t.closest('.pick-a').getAttribute('data-a'));
			if (map)
				map.scrollIntoView({block: 'center'});
		}
	});

	/* a link to a profile opens it */
	function openTarget() {
		var id = location.hash.slice(1);
		var e = id && document.getElementById(id);
		if (e && e.tagName.toLowerCase() === 'details')
			e.open = true;
	}
	window.addEventListener('hashchange', openTarget);
	openTarget();

	/* ---- search and filters ---- */
	var tools = document.getElementById('nm-tools');
	var search = document.getElementById('nm-search');
	var results = document.getElementById('nm-results');

	function fill(select, values) {
		values.forEach(function (v) {
			var o = document.createElement('option');
			o.value = String(v[0]);
			o.textContent = v[1];
			select.appendChild(o);
		});
	}

	var districts = {};
	C.forEach(function (c) { if (c.d) districts[c.d] = 1; });
	A.forEach(function (a) { if (a.d) districts[a.d] = 1; });
	fill(document.getElementById('nm-f-theme'), D.t.map(function (t, ti) { return [ti, t]; }));
	fill(document.getElementById('nm-f-type'), D.y.map(function (y, yi) { return [yi, y]; }));
	fill(document.getElementById('nm-f-district'),
		Object.keys(districts).sort().map(function (d) { return [d, d]; }));
	fill(document.getElementById('nm-f-finding'), D.fc.map(function (f) { return [f, W[f]]; }));

	function commMatches(ci) {
		var c = C[ci];
		if (state.theme !== '' && c.t.indexOf(+state.theme) < 0)
			return false;
		if (state.type !== '' && !c.m.some(function (ai) { return A[ai].y === +state.type; }))
			return false;
		if (state.district !== '' && c.d !== state.district &&
		    !c.m.some(function (ai) { return A[ai].d === state.district; }))
			return false;
		if (state.finding !== '' && c.f.indexOf(state.finding) < 0)
			return false;
		return true;
	}

	function actorMatches(ai) {
		var a = A[ai];
		if (state.type !== '' && a.y !== +state.type)
			return false;
		if (state.district !== '' && a.d !== state.district)
			return false;
		if (state.theme !== '' || state.finding !== '')
			return actorComms[ai].some(commMatches);
		return true;
	}

	function applyFilters() {
		var shown = 0, total = 0;
		C.forEach(function (c, ci) {
			var on = commMatches(ci);
			if (c.x)
				return; /* dissolved: neither drawn nor profiled */
			total++;
			if (on)
				shown++;
			setClass(commNodes(ci), 'off', !on);
			var prof = document.getElementById('p-' + ci);
			if (prof)
				prof.hidden = !on;
		});
		A.forEach(function (a, ai) { setClass(actorNodes(ai), 'off', !actorMatches(ai)); });
		O.forEach(function (o, oi) {
			setClass(all(net, '.edge[data-o="' + oi + '"]'), 'off',
				!(commMatches(o.a) && commMatches(o.b)));
		});
		document.getElementById('nm-count').textContent =
			shown + ' / ' + total + ' ' + W.committees;
	}

	['theme', 'type', 'district', 'finding'].forEach(function (f) {
		document.getElementById('nm-f-' + f).addEventListener('change', function (ev) {
			state[f] = ev.target.value;
			applyFilters();
		});
	});

	function norm(s) {
		return String(s).toLowerCase();
	}

	search.addEventListener('input', function () {
		var q = norm(search.value.trim());
		results.textContent = '';
		all(net, '.match').concat(all(map, '.match')).forEach(function (n) {
			n.classList.remove('match');
		});
		if (!q)
			return;
		var hits = 0;
		C.forEach(function (c, ci) {
			if (norm(c.n).indexOf(q) < 0 && norm(c.id).indexOf(q) < 0)
				return;
			setClass(commNodes(ci), 'match', true);
			if (hits++ < 20) {
				var li = make('li');
				li.appendChild(button(c.n, function () { selectCommittee(ci, true); }));
				li.appendChild(make('span', 'id', ' ' + c.id));
				results.appendChild(li);
			}
		});
		A.forEach(function (a, ai) {
			if (norm(a.n).indexOf(q) < 0 && norm(a.id).indexOf(q) < 0)
				return;
			setClass(actorNodes(ai), 'match', true);
			if (hits++ < 20) {
				var li = make('li');
				li.appendChild(button(a.n, function () { selectActor(ai); }));
				li.appendChild(make('span', 'id', ' ' + a.id));
				results.appendChild(li);
			}
		});
		if (!hits)
			results.appendChild(make('li', 'none', W.nothing));
	});

	/* ---- pan and zoom ---- */
	function zoomable(svg) {
		var vb = svg.getAttribute('viewBox').split(' ').map(Number);
		var home = vb.slice();
		var bar = make('div', 'zoom');
		function set() { svg.setAttribute('viewBox', vb.join(' ')); }
		function zoom(f, cx, cy) {
			if (cx === undefined) {
				cx = vb[0] + vb[2] / 2;
				cy = vb[1] + vb[3] / 2;
			}
			var w = Math.min(Math.max(vb[2] * f, home[2] / 40), home[2] * 2);
			var h = w * home[3] / home[2];
			vb[0] = cx - (cx - vb[0]) * w / vb[2];
			vb[1] = cy - (cy - vb[1]) * h / vb[3];
			vb[2] = w;
			vb[3] = h;
			set();
		}
		[['+', W.zoomin, function () { zoom(0.7); }],
		 ['−', W.zoomout, function () { zoom(1 / 0.7); }],
		 ['⟲', W.reset, function () { vb = home.slice(); set(); }]].forEach(function (b) {
			var e = button(b[0], b[2]);
			e.setAttribute('aria-label', b[1]);
			e.title = b[1];
			bar.appendChild(e);
		});
		svg.parentNode.insertBefore(bar, svg);
		svg.addEventListener('wheel', function (ev) {
			if (!ev.ctrlKey && vb[2] >= home[2])
				return; /* the page scrolls until the picture is zoomed */
			ev.preventDefault();
			var r = svg.getBoundingClientRect();
			zoom(ev.deltaY < 0 ? 0.85 : 1 / 0.85,
				vb[0] + (ev.clientX - r.left) / r.width * vb[2],
				vb[1] + (ev.clientY - r.top) / r.height * vb[3]);
		}, {passive: false});
		var drag = null;
		svg.addEventListener('pointerdown', function (ev) {
			drag = {x: ev.clientX, y: ev.clientY, vx: vb[0], vy: vb[1], moved: false};
		});
		svg.addEventListener('pointermove', function (ev) {
			if (!drag)
				return;
			var r = svg.getBoundingClientRect();
			var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
			if (Math.abs(dx) + Math.abs(dy) > 3)
				drag.moved = true;
			vb[0] = drag.vx - dx / r.width * vb[2];
			vb[1] = drag.vy - dy / r.height * vb[3];
			set();
		});
		window.addEventListener('pointerup', function () {
			if (drag && drag.moved)
				svg.addEventListener('click', function stop(e) {
					e.stopPropagation();
					e.preventDefault();
					svg.removeEventListener('click', stop, true);
				}, true);
			drag = null;
		});
	}
	[net, map].forEach(function (svg) { if (svg) zoomable(svg); });

	tools.hidden = false;
	document.documentElement.classList.add('js');
	applyFilters();
	window.netmapReady = true;
}());
