"""schema.org ``LocalBusiness`` data of a merchant, for search engines and map apps."""

from merchants.models.snippets import REGIONS
from merchants.opening_hours import opening_hours_specification


def local_business(merchant, categories, social_links, url, image_url, today):
    """A JSON-serialisable dict describing ``merchant``.

    ``categories`` are its categories (the first one's schema.org type is used),
    ``social_links`` its social network links,
    ``url`` its absolute address, ``image_url`` an absolute logo or photo address or
    None, ``today`` the date whose week the hours describe.
    """
    data = {
        "@context": "https://schema.org",
        "@type": categories[0].effective_schema_type if categories else "LocalBusiness",
        "name": merchant.title,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": merchant.street_address,
            "postalCode": merchant.postcode,
            "addressLocality": merchant.commune.name,
            "addressRegion": REGIONS.get(merchant.commune.department, ""),
            "addressCountry": "FR",
        },
    }
    if merchant.description:
        data["description"] = merchant.description
    if merchant.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(merchant.latitude),
            "longitude": float(merchant.longitude),
        }
    if merchant.phone:
        data["telephone"] = merchant.phone
    if merchant.email:
        data["email"] = merchant.email
    if image_url:
        data["image"] = image_url
    same_as = [link.url for link in social_links]
    if merchant.website:
        same_as.insert(0, merchant.website)
    if same_as:
        data["sameAs"] = same_as
    specification = opening_hours_specification(merchant.opening_hours, today, merchant.closures)
    if specification:
        data["openingHoursSpecification"] = specification
    return data
