"""The bench's site settings for each imported service, the same rules for every service:

- foreign_brands: major marketplaces (a marketplace's usual competitors), less any sharing a
  word with the service's own name (Amazon is not foreign to Amazon Mechanical Turk). Names
  that are also ordinary words (Wish, Otto) are left out.
- brand_groups: corporate groups from public ownership, so a brand of the service's own group
  is not foreign to it (Facebook in Instagram's terms, Expedia in Vrbo's).
- third_parties: the platform companies whose services terms name (sign-in, app stores, maps,
  analytics, cloud: Google, Apple, Facebook, Microsoft), and payment services, written once for
  all services. Platform companies are third parties to a marketplace, not its competitors.
  Two services add the providers their own terms name (SERVICE_THIRD_PARTIES), as their teams
  would in their own site.yaml.
- compliance: `p2b` for the terms and conditions addressed to sellers (not for single-topic
  policies such as a business privacy or mediation policy, which P2B does not require to
  carry every term), `dsa` for complaints policies and terms of service, `consumer-eu` for
  consumer terms of service.

The shared lists were written once, before reading the findings; SERVICE_THIRD_PARTIES holds
what two services' own terms say about their providers.
"""

import re
from pathlib import Path

FOREIGN_BRANDS = [
    "Amazon", "eBay", "Etsy", "Alibaba", "AliExpress", "Zalando", "Cdiscount", "Rakuten",
    "Allegro", "Vinted", "Leboncoin", "Booking.com", "Airbnb", "Expedia", "Uber", "Deliveroo",
    "Temu", "Shein", "Kaufland", "Fnac", "Darty", "bol.com",
]

BRAND_GROUPS = {
    "Meta": ["Facebook", "Instagram", "WhatsApp", "Messenger"],
    "Alphabet": ["Google", "YouTube", "Waze"],
    "Microsoft": ["Microsoft", "Bing", "Xbox", "LinkedIn", "Skype", "GitHub"],
    # ZVAB and Iberlibro are AbeBooks' German and Spanish sites (ZVAB's sellers conditions are
    # AbeBooks' and do not say so in a sentence).
    "Amazon": ["Amazon", "Audible", "Twitch", "IMDb", "AbeBooks", "ZVAB", "Iberlibro", "Kindle",
               "Alexa", "Zappos"],
    "Booking Holdings": ["Booking.com", "Kayak", "Priceline", "Agoda", "OpenTable", "Rentalcars.com"],
    "Expedia Group": ["Expedia", "Vrbo", "Hotels.com", "ebookers", "Orbitz", "Travelocity",
                      "Trivago", "Abritel", "HomeAway", "Wotif"],
    "Alibaba Group": ["Alibaba", "AliExpress", "Alibaba.com", "Taobao", "Tmall", "Lazada"],
    "Uber": ["Uber", "Uber Eats", "Postmates"],
    "Rakuten": ["Rakuten", "Kobo", "Viber"],
    "Fnac Darty": ["Fnac", "Darty"],
    "Schwarz Gruppe": ["Kaufland", "Lidl"],
    "Adevinta": ["Leboncoin", "Kleinanzeigen", "mobile.de", "Subito", "Marktplaats", "Videdressing"],
    "Etsy": ["Etsy", "Depop", "Reverb"],
}

THIRD_PARTIES = [
    "Google", "Apple", "Facebook", "Microsoft", "App Store", "Amazon Pay",
    "Amazon Web Services", "AWS", "PayPal", "Stripe", "Adyen",
]

# Third parties of single services, as each service's own team would list them in its
# site.yaml: the providers its terms name for what they do for it (read in the terms, not
# chosen to silence a finding count).
SERVICE_THIRD_PARTIES = {
    # Hosting provider named in the legal notice (French law requires naming the host).
    "privalia": ["Amazon CS Ireland Ltd", "AmazonWebService"],
    # Storage and payment providers listed in the clause on third-party services.
    "viedit": ["amazon.com"],
}


def words(text):
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if w}


def front_matter(path, key):
    for line in path.read_text(encoding="utf-8").splitlines()[1:20]:
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].strip()
    return ""


def configure(service_dir: Path, all_services):
    """Appends the bench's settings to the site.yaml `davar import` wrote."""
    own = words(service_dir.name)
    foreign = [b for b in FOREIGN_BRANDS if not (words(b) & own)]
    compliance = []
    for doc in sorted(p for p in service_dir.iterdir() if p.is_dir()):
        first = doc / next(iter(sorted(f.name for f in doc.glob("v1.*.md"))), "")
        if not first.is_file():
            continue
        doc_type = front_matter(first, "type")
        audience = front_matter(first, "audience")
        profiles = []
        if "sellers" in audience and not doc_type.endswith("Policy"):
            profiles.append("p2b")
        if doc_type in ("Complaints Policy", "Terms of Service"):
            profiles.append("dsa")
        if doc_type == "Terms of Service" and "consumers" in audience:
            profiles.append("consumer-eu")
        if profiles:
            compliance.append(f"  {doc.name}: [{', '.join(profiles)}]")
    site = service_dir / "site.yaml"
    text = site.read_text(encoding="utf-8")
    text += "foreign_brands: [" + ", ".join(foreign) + "]\n"
    text += "brand_groups:\n" + "".join(
        f"  {group}: [{', '.join(brands)}]\n" for group, brands in BRAND_GROUPS.items())
    third = THIRD_PARTIES + SERVICE_THIRD_PARTIES.get(service_dir.name, [])
    text += "third_parties: [" + ", ".join(third) + "]\n"
    if compliance:
        text += "compliance:\n" + "\n".join(compliance) + "\n"
    site.write_text(text, encoding="utf-8")
