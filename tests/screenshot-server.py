#!/usr/bin/env python3
# A loopback stand-in for the platform, for build-aux/screenshots: answers
# GET /api/user/assistants/outbound with forty plausible assistants when the
# request carries "Authorization: Bearer <token>", 401 otherwise. Under
# /revoked/api it accepts the token once (for signing in) and then rejects
# it, as a platform does with a revoked token. It listens on 127.0.0.1 on a
# free port and prints that port as its first line.
#
#   tests/screenshot-server.py TOKEN

import datetime
import http.server
import json
import sys

TOKEN = sys.argv[1] if len(sys.argv) > 1 else "screenshot-token"

# Times relative to now, so that "Updated" reads naturally on every run.
NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)

ASSISTANTS = [
    ("Sales Outbound Assistant", "pipeline", "active", "America/New_York", 8,
     "Hi, this is Sarah from Northwind. I hope I'm catching you at a good time. How are you doing today?",
     "You are a sales representative for Northwind. Be professional, friendly, and focus on qualifying "
     "leads for {{product_line}}. Ask about team size, current tools and the timeline for a decision. "
     "Never promise discounts; offer a call with {{account_manager}} instead.",
     {"company_name": "Northwind", "product_line": "Premium Services", "account_manager": "Dana Lee"},
     "https://northwind.example/api/webhooks/outbound-calls", True, 0.2),
    ("Follow-up Assistant", "multimodal", "inactive", "America/Los_Angeles", 12,
     "Hello! I'm calling to follow up on our previous conversation. Do you have a few minutes to chat?",
     "You are a follow-up specialist. Be warm and professional while gathering feedback and next steps.",
     {"purpose": "follow_up", "max_duration": "5_minutes"}, None, False, 9),
    ("Renewal Reminders", "pipeline", "active", "Europe/London", 3,
     "Good morning, I'm calling from Northwind about your subscription, which renews next month.",
     "Remind customers of their renewal date, answer questions about the invoice and book a call "
     "with billing when they want to change their plan.",
     {"renewal_window": "30 days"}, "https://northwind.example/api/webhooks/renewals", True, 1.5),
    ("Асистент за продажби — София", "pipeline", "active", "Europe/Sofia", 21,
     "Здравейте, обаждам се от Нортуинд. Удобно ли ви е да поговорим две минути?",
     "Ти си търговски представител на Нортуинд за България. Бъди учтив и кратък.",
     {"company_name": "Нортуинд", "city": "София"}, "https://northwind.example/api/webhooks/bg", False, 26),
    ("Event Invitations", "multimodal", "active", "Europe/Berlin", 5,
     "Hi, I'm calling to invite you to our customer day in Berlin on the 14th.",
     "Invite customers to the event, note dietary needs and whether they bring a guest.",
     {"event": "Customer Day", "venue": "Berlin"}, "https://northwind.example/api/webhooks/events", True, 50),
    ("Appointment Confirmations", "pipeline", "active", "Asia/Tokyo", 14,
     "Hello, this is a reminder of your appointment tomorrow at 10 in the morning.",
     "Confirm or reschedule appointments. Offer two alternative times when the customer cannot come.",
     {}, "https://northwind.example/api/webhooks/appointments", True, 3),
    ("Win-back Campaign", "pipeline", "paused", "America/Chicago", 8,
     "Hi, we noticed you haven't used Northwind in a while and wanted to hear how things are going.",
     "Talk with former customers about why they left. Do not argue; write down the reasons.",
     {"offer": "two free months"}, None, False, 120),
    ("Survey After Support", "multimodal", "active", "Australia/Sydney", 2,
     "Hi, you spoke with our support team yesterday. Could I ask you three short questions?",
     "Run a three-question satisfaction survey. Thank the customer at the end.",
     {"questions": "3"}, "https://northwind.example/api/webhooks/surveys", True, 0.9),
    ("Lead Qualification — EMEA", "pipeline", "inactive", "Europe/Paris", 9,
     "Bonjour, this is Claire from Northwind, following up on your request on our website.",
     "Qualify inbound leads from the website form in EMEA.",
     {"region": "EMEA"}, "https://northwind.example/api/webhooks/leads", False, 200),
    ("Payment Reminders", "pipeline", "active", "America/Sao_Paulo", 17,
     "Olá! I'm calling about an open invoice on your Northwind account.",
     "Remind customers of overdue invoices politely and offer a payment link by text message.",
     {"grace_days": "7"}, "https://northwind.example/api/webhooks/payments", True, 6),
]


# A team's campaigns, each run in several places: forty assistants in all,
# as a sales manager has them.
CAMPAIGNS = [
    ("Renewal Reminder", "Hi {{first_name}}, this is Northwind calling about your renewal next month.",
     "Remind {{first_name}} of the renewal date, answer questions about the invoice and book a call with billing."),
    ("Payment Follow-up", "Hello {{first_name}}, I'm calling about an open invoice on your account.",
     "Follow up on overdue invoices politely; offer a payment link by text message."),
    ("Demo Booking", "Hi {{first_name}}, you asked about a demo of {{product_line}}. Do you have a minute?",
     "Book a demo with a product specialist; offer two times this week."),
    ("Customer Survey", "Hello {{first_name}}, could I ask you three short questions about your last order?",
     "Run a three-question survey and thank the customer at the end."),
]
CITIES = [
    ("New York", "America/New_York"), ("Los Angeles", "America/Los_Angeles"), ("London", "Europe/London"),
    ("Sofia", "Europe/Sofia"), ("Berlin", "Europe/Berlin"), ("Tokyo", "Asia/Tokyo"),
    ("Chicago", "America/Chicago"), ("Sydney", "Australia/Sydney"),
]

for number in range(30):
    campaign, message, prompt = CAMPAIGNS[number % len(CAMPAIGNS)]
    city, zone = CITIES[(number * 3) % len(CITIES)]
    ASSISTANTS.append((
        "%s — %s" % (campaign, city), "pipeline" if number % 3 else "multimodal",
        "inactive" if number % 7 == 3 else "active", zone, 1 + number % 20, message, prompt,
        {"company_name": "Northwind", "product_line": "Premium Services"},
        "https://northwind.example/api/webhooks/%d" % number if number % 4 else None,
        number % 4 != 1, 1 + (number * 5) % 60))


def body():
    items = []
    for index, (name, mode, status, zone, voice, message, prompt, variables, hook, hook_active, days) in enumerate(ASSISTANTS):
        updated = NOW - datetime.timedelta(days=days)
        created = updated - datetime.timedelta(days=40 + index)
        items.append({
            "id": 123 + index,
            "user_id": 1,
            "name": name,
            "type": "outbound",
            "mode": mode,
            "status": status,
            "voice_id": voice,
            "language_id": 2 if zone == "Europe/Sofia" else 1,
            "timezone": zone,
            "initial_message": message,
            "system_prompt": prompt,
            "variables": variables,
            "webhook_url": hook,
            "is_webhook_active": hook_active,
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
            "updated_at": updated.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
        })
    return json.dumps(items, ensure_ascii=False).encode("utf-8")


revoked_requests = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global revoked_requests
        revoked = self.path == "/revoked/api/user/assistants/outbound"
        if self.path != "/api/user/assistants/outbound" and not revoked:
            self.send_error(404)
            return
        if revoked:
            revoked_requests += 1
        if self.headers.get("Authorization") != "Bearer " + TOKEN or revoked_requests > 1:
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"message":"Unauthenticated."}')
            return
        data = body()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
