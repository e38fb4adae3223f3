// Maps of the merchant directory and profiles (Leaflet; tiles from MAP_TILES_URL).
// Progressive enhancement only: the list of merchants and each profile's address stay
// the primary content, and everything works without this file. Data comes from
// data-* attributes and the directory's GeoJSON export: no inline script is needed.
(function () {
    "use strict";
    if (!window.L) {
        return;
    }

    function markerIcon(element) {
        return L.icon({
            iconUrl: element.dataset.iconUrl,
            iconRetinaUrl: element.dataset.iconRetinaUrl,
            shadowUrl: element.dataset.shadowUrl,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41],
        });
    }

    // The tile server and its credit come from the site's settings (MAP_TILES_URL,
    // MAP_TILES_ATTRIBUTION, MAP_TILES_ATTRIBUTION_URL); the credit is built as text so
    // that it can never carry markup.
    // Leaflet names its zoom buttons in English: the page's language instead.
    function createMap(element) {
        const map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
        L.control
            .zoom({
                zoomInTitle: element.dataset.labelZoomIn,
                zoomOutTitle: element.dataset.labelZoomOut,
            })
            .addTo(map);
        return map;
    }

    function addTiles(map, element) {
        const credit = document.createElement(element.dataset.attributionUrl ? "a" : "span");
        if (element.dataset.attributionUrl) {
            credit.href = element.dataset.attributionUrl;
        }
        credit.textContent = element.dataset.attribution;
        L.tileLayer(element.dataset.tilesUrl, {
            maxZoom: 19,
            attribution: credit.outerHTML,
        }).addTo(map);
        map.attributionControl.setPrefix(false);
    }

    function prepare(element) {
        element.textContent = "";
        element.setAttribute("role", "region");
        element.setAttribute("aria-label", element.dataset.labelMap);
    }

    function popupContent(properties) {
        const box = document.createElement("div");
        const title = document.createElement("p");
        const link = document.createElement("a");
        title.className = "map-popup__title";
        link.href = properties.url;
        link.textContent = properties.name;
        title.appendChild(link);
        box.appendChild(title);
        const address = [properties.address, properties.postcode].filter(Boolean).join(", ");
        if (address) {
            const line = document.createElement("p");
            line.textContent = address;
            box.appendChild(line);
        }
        return box;
    }

    function showError(element) {
        const message = document.createElement("p");
        message.className = "directory-map__fallback";
        message.setAttribute("role", "status");
        message.textContent = element.dataset.labelError;
        element.insertAdjacentElement("afterend", message);
    }

    function directoryMap(element) {
        prepare(element);
        const map = createMap(element);
        map.fitBounds(JSON.parse(element.dataset.bounds));
        addTiles(map, element);
        const icon = markerIcon(element);
        fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                const layer = L.geoJSON(data, {
                    filter: function (feature) {
                        return feature.geometry !== null;
                    },
                    pointToLayer: function (feature, latlng) {
                        const name = feature.properties.name;
                        return L.marker(latlng, { icon: icon, title: name, alt: name });
                    },
                    onEachFeature: function (feature, marker) {
                        marker.bindPopup(popupContent(feature.properties));
                    },
                }).addTo(map);
                if (layer.getLayers().length) {
                    map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15 });
                }
            })
            .catch(function () {
                showError(element);
            });
    }

    function merchantMap(element) {
        prepare(element);
        const position = [
            parseFloat(element.dataset.latitude),
            parseFloat(element.dataset.longitude),
        ];
        const map = createMap(element).setView(position, 16);
        addTiles(map, element);
        L.marker(position, {
            icon: markerIcon(element),
            title: element.dataset.name,
            alt: element.dataset.name,
            keyboard: false,
        }).addTo(map);
    }

    document.querySelectorAll("[data-directory-map]").forEach(directoryMap);
    document.querySelectorAll("[data-merchant-map]").forEach(merchantMap);
})();
