"""Writes the made-up coffee roaster's files in files/ (deterministic: a fixed seed). Run: python3 make-files.py"""
import random, datetime as dt, os, json
random.seed(20260901)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'files')
os.makedirs(OUT, exist_ok=True)
D = dt.date
HOLIDAYS = {D(2026,9,7), D(2026,10,12), D(2026,11,11)}
def bday(d): return d.weekday() < 5 and d not in HOLIDAYS
def next_bday(d, n=1):
    while not bday(d): d += dt.timedelta(1)
    for _ in range(n):
        d += dt.timedelta(1)
        while not bday(d): d += dt.timedelta(1)
    return d
def days(a, b):
    d = a
    while d <= b:
        yield d; d += dt.timedelta(1)
START, END = D(2026,9,1), D(2026,10,31)
def money(c): return f"{c/100:.2f}"
def usd(c): return ('-' if c < 0 else '') + '$' + f"{abs(c)/100:,.2f}"

# ---------- Stripe: online coffee subscriptions and orders ----------
stripe = []  # dicts
n = 0
def sid(prefix):
    global n; n += 1
    return prefix + ''.join(random.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789') for _ in range(20))
customers = ['Maya Chen', 'Luis Ortega', 'Priya Raman', 'Tom Becker', 'Aiko Sato', 'Sam Okafor', 'Jo Lindqvist', 'Ana Ruiz', 'Ben Carter', 'Nora Haddad']
prices = [1800, 2400, 3600, 4800, 5400, 7250, 9600]
for d in days(START, D(2026,10,30)):
    for _ in range(random.choice([0, 1, 1, 2])):
        gross = random.choice(prices)
        fee = round(gross * 0.029) + 30
        t = dt.datetime(d.year, d.month, d.day, random.randint(7, 21), random.randint(0, 59), random.randint(0, 59))
        stripe.append(dict(id=sid('txn_'), created=t, cat='charge', gross=gross, fee=fee, desc=f"Order for {random.choice(customers)}", src=sid('ch_')))
# a refund (fee not returned)
ref_day = dt.datetime(2026, 10, 6, 10, 15, 0)
stripe.append(dict(id=sid('txn_'), created=ref_day, cat='refund', gross=-3600, fee=0, desc='REFUND FOR CHARGE (damaged bag)', src=sid('re_')))
stripe.sort(key=lambda r: r['created'])
# weekly payouts on Fridays: everything created up to the Wednesday before
payouts = []
for d in days(START, END):
    if d.weekday() != 4: continue
    cutoff = dt.datetime(d.year, d.month, d.day) - dt.timedelta(days=2)
    items = [r for r in stripe if r['cat'] in ('charge', 'refund') and 'po' not in r and r['created'] < cutoff]
    if not items: continue
    po = sid('po_')
    for r in items: r['po'] = po
    net = sum(r['gross'] - r['fee'] for r in items)
    payouts.append(dict(id=sid('txn_'), created=dt.datetime(d.year, d.month, d.day, 4, 0, 0), cat='payout', gross=-net, fee=0, desc='STRIPE PAYOUT', src=po, po_self=po, net=net, date=d))
stripe_all = sorted(stripe + payouts, key=lambda r: r['created'])
with open(f'{OUT}/stripe-balance-report-2026-09-10.csv', 'w') as f:
    f.write('"balance_transaction_id","created_utc","available_on_utc","currency","gross","fee","net","reporting_category","description","source_id","automatic_payout_id"\n')
    for r in stripe_all:
        avail = r['created'].date() + dt.timedelta(2)
        po = '' if r['cat'] == 'payout' else r.get('po', '')
        f.write(f'"{r["id"]}","{r["created"]:%Y-%m-%d %H:%M:%S}","{avail:%Y-%m-%d} 00:00:00","usd","{money(r["gross"])}","{money(r["fee"])}","{money(r["gross"]-r["fee"])}","{r["cat"]}","{r["desc"]}","{r["src"]}","{po}"\n')

# ---------- Square: the cafe counter ----------
square = []
items = ['Drip coffee', 'Latte', 'Cappuccino', '12oz Ethiopia Guji', '12oz House Blend', 'Cold brew', 'Pour over', 'Croissant + latte']
item_prices = [350, 525, 500, 1900, 1600, 475, 600, 975]
sqn = 0
def sqid():
    return ''.join(random.choice('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(22))
for d in days(START, D(2026,10,30)):
    if d.weekday() == 0: continue  # closed Mondays
    for _ in range(random.choice([3, 4, 5, 6])):
        k = random.randrange(len(items))
        qty = random.choice([1, 1, 2, 3])
        gross = item_prices[k] * qty * random.choice([1, 2, 3])
        fee = round(gross * 0.026) + 10
        t = dt.datetime(d.year, d.month, d.day, random.randint(7, 17), random.randint(0, 59), random.randint(0, 59))
        square.append(dict(date=t, gross=gross, fee=fee, desc=f'{qty} x {items[k]}', pid=sqid(), tid=sqid(), event='Payment'))
# a refund at the counter
square.append(dict(date=dt.datetime(2026, 9, 24, 12, 5, 0), gross=-1900, fee=-59, desc='Refund: 12oz Ethiopia Guji', pid=sqid(), tid=sqid(), event='Refund'))
square.sort(key=lambda r: r['date'])
# transfers: each Friday, everything up to Thursday; plus an extra Saturday transfer on 09-19 that lands
# with Friday's in one combined deposit on Monday 09-21
transfers = []
def transfer(d, upto):
    items_ = [r for r in square if 'dep' not in r and r['date'].date() <= upto]
    if not items_: return
    tid = 'T' + sqid()[:12]
    for r in items_: r['dep'] = tid
    net = sum(r['gross'] - r['fee'] for r in items_)
    transfers.append(dict(id=tid, date=d, net=net))
for d in days(START, END):
    if d.weekday() == 4: transfer(d, d - dt.timedelta(1))
    if d == D(2026, 9, 19): transfer(d, D(2026, 9, 18))
with open(f'{OUT}/square-transactions-2026-09-10.csv', 'w') as f:
    f.write('Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,Total Collected,Fees,Net Total,Transaction ID,Payment ID,Card Brand,Event Type,Description,Customer Name,Deposit ID,Transaction Status\n')
    for r in square:
        g = r['gross']
        f.write(f'{r["date"]:%m/%d/%Y},{r["date"]:%H:%M:%S},Pacific Time (US & Canada),"{usd(g)}",$0.00,"{usd(g)}",$0.00,$0.00,"{usd(g)}","{usd(-r["fee"])}","{usd(g - r["fee"])}",{r["tid"]},{r["pid"]},Visa,{r["event"]},{r["desc"]},,{r.get("dep","")},Complete\n')
with open(f'{OUT}/square-transfers-2026-09-10.csv', 'w') as f:
    f.write('Transfer Date,Transfer ID,Status,Bank Account,Net Total,Currency\n')
    for t in transfers:
        f.write(f'{t["date"]:%m/%d/%Y},{t["id"]},Paid,Cascade Community Bank ••6789,"{usd(t["net"])}",USD\n')

# ---------- the bank: checking + savings (OFX), card (QFX) ----------
checking, savings, card = [], [], []
fit = [0]
def line(lst, d, amt, name, trntype=None, memo=None):
    fit[0] += 1
    lst.append(dict(date=d, amt=amt, name=name, type=trntype or ('CREDIT' if amt > 0 else 'DEBIT'), fitid=f'{d:%Y%m%d}{fit[0]:06d}', memo=memo))
in_transit = []
for p in payouts:
    arrive = next_bday(p['date'])
    if arrive > END: in_transit.append(('stripe', p)); continue
    line(checking, arrive, p['net'], f'STRIPE TRANSFER ST-{p["src"][3:15].upper()} RIDGELINE COFFEE', 'DEP')
combined = {}
for t in transfers:
    # Square sends a Saturday transfer with Friday's: both land on Monday as one deposit.
    arrive = next_bday(t['date'], 0 if t['date'].weekday() == 5 else 1)
    if arrive > END: in_transit.append(('square', t)); continue
    combined.setdefault(arrive, []).append(t)
for arrive, ts in combined.items():
    line(checking, arrive, sum(t['net'] for t in ts), f'SQUARE INC SQ{arrive:%y%m%d} DEPOSIT', 'DEP')
for m in (9, 10):
    line(checking, D(2026, m, 1), -240000, 'ABBOTT PROPERTIES RENT', 'DEBIT')
    line(checking, D(2026, m, 15), -215000, 'GUSTO PAYROLL 092615' if m == 9 else 'GUSTO PAYROLL 101515', 'DEBIT')
    line(checking, D(2026, m, 30), -208000, f'GUSTO PAYROLL {m:02d}3026', 'DEBIT')
    line(checking, D(2026, m, 8), -18743 if m == 9 else -20112, 'PG&E WEB ONLINE PAYMENT', 'DEBIT')
line(checking, D(2026, 9, 11), -285000, 'WIRE OUT CAFE IMPORTS GREEN COFFEE', 'DEBIT')
line(checking, D(2026, 10, 16), -312500, 'WIRE OUT CAFE IMPORTS GREEN COFFEE', 'DEBIT')
line(checking, D(2026, 9, 30), -1200, 'MONTHLY SERVICE FEE', 'FEE')
line(checking, D(2026, 10, 30), -1200, 'MONTHLY SERVICE FEE', 'FEE')
# transfer to savings
line(checking, D(2026, 9, 15), -200000, 'ONLINE TRANSFER TO SAV ••4321', 'XFER')
line(savings, D(2026, 9, 15), 200000, 'ONLINE TRANSFER FROM CHK ••6789', 'XFER')
line(savings, D(2026, 9, 30), 412, 'INTEREST PAYMENT', 'INT')
line(savings, D(2026, 10, 30), 437, 'INTEREST PAYMENT', 'INT')
# card: supplies, and the autopay from checking
card_lines = [(D(2026,9,3), -8999, 'ULINE *SHIP SUPPLIES'), (D(2026,9,9), -34500, 'PACIFIC BAG CO'), (D(2026,9,12), -6475, 'COSTCO WHSE #0142'),
    (D(2026,9,18), -1599, 'SQUARESPACE INC'), (D(2026,9,22), -12800, 'STUMPTOWN PARTS AND REPAIR'), (D(2026,9,26), -4210, 'SAFEWAY #1711'),
    (D(2026,10,2), -7125, 'ULINE *SHIP SUPPLIES'), (D(2026,10,9), -5380, 'COSTCO WHSE #0142'), (D(2026,10,18), -1599, 'SQUARESPACE INC'),
    (D(2026,10,21), -22950, 'ROASTER SCHOOL ONLINE'), (D(2026,10,27), -3890, 'SAFEWAY #1711')]
for d, a, nme in card_lines: line(card, d, a, nme, 'DEBIT')
sept_card = -sum(a for d, a, _ in card_lines if d.month == 9)
line(card, D(2026, 10, 5), sept_card, 'PAYMENT THANK YOU', 'PAYMENT')
line(checking, D(2026, 10, 5), -sept_card, 'CASCADE CARD AUTOPAY ••4455', 'DEBIT')

opening = {'checking': 2425000, 'savings': 1000000, 'card': -48210}
def stmt_xml(kind, acct, lst, bal0, start, end):
    rows = sorted([l for l in lst if start <= l['date'] <= end], key=lambda l: (l['date'], l['fitid']))
    prior = sum(l['amt'] for l in lst if l['date'] < start)
    close = bal0 + prior + sum(l['amt'] for l in rows)
    trns = ''.join(f"""
<STMTTRN><TRNTYPE>{l['type']}<DTPOSTED>{l['date']:%Y%m%d}120000<TRNAMT>{money(l['amt'])}<FITID>{l['fitid']}<NAME>{l['name'][:32]}{f'<MEMO>{l["name"]}' if len(l['name']) > 32 else ''}
</STMTTRN>""" for l in rows)
    if kind == 'card':
        head, acctxml, tail = 'CREDITCARDMSGSRSV1><CCSTMTTRNRS', f'<CCACCTFROM><ACCTID>{acct}</CCACCTFROM>', 'CCSTMTRS'
    else:
        head, acctxml, tail = 'BANKMSGSRSV1><STMTTRNRS', f'<BANKACCTFROM><BANKID>121000358<ACCTID>{acct}<ACCTTYPE>{kind.upper()}</BANKACCTFROM>', 'STMTRS'
    return f"""<STMTTRNRS><TRNUID>{acct}{end:%Y%m}<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<{tail}><CURDEF>USD{acctxml}
<BANKTRANLIST><DTSTART>{start:%Y%m%d}<DTEND>{end:%Y%m%d}{trns}
</BANKTRANLIST>
<LEDGERBAL><BALAMT>{money(close)}<DTASOF>{end:%Y%m%d}</LEDGERBAL>
</{tail}></STMTTRNRS>""".replace('<STMTTRNRS>', '<CCSTMTTRNRS>' if kind == 'card' else '<STMTTRNRS>').replace('</STMTTRNRS>', '</CCSTMTTRNRS>' if kind == 'card' else '</STMTTRNRS>')
def ofx(body, msgset):
    return f"""OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261101080000<LANGUAGE>ENG<FI><ORG>Cascade Community Bank<FID>4321</FI></SONRS></SIGNONMSGSRSV1>
<{msgset}>
{body}
</{msgset}>
</OFX>
"""
for m, (start, end) in {9: (D(2026,9,1), D(2026,9,30)), 10: (D(2026,10,1), D(2026,10,31))}.items():
    body = stmt_xml('checking', '000123456789', checking, opening['checking'], start, end) + '\n' + stmt_xml('savings', '000987654321', savings, opening['savings'], start, end)
    open(f'{OUT}/cascade-bank-2026-{m:02d}.ofx', 'w', newline='\r\n').write(ofx(body, 'BANKMSGSRSV1'))
    body = stmt_xml('card', '4111000000004455', card, opening['card'], start, end)
    open(f'{OUT}/cascade-card-2026-{m:02d}.qfx', 'w', newline='\r\n').write(ofx(body, 'CREDITCARDMSGSRSV1'))

facts = dict(
    stripe_lines=len(stripe_all), stripe_payouts=len(payouts), square_lines=len(square), square_transfers=len(transfers),
    checking=len(checking), savings=len(savings), card=len(card),
    in_transit=[(k, p.get('src', p.get('id')), p['net'], str(p['date'])) for k, p in in_transit],
    combined=[(str(a), [t['id'] for t in ts], sum(t['net'] for t in ts)) for a, ts in combined.items() if len(ts) > 1],
    payout_deposits=[(str(p['date']), str(next_bday(p['date'])), p['net']) for p in payouts],
)
print(json.dumps(facts, indent=1))
