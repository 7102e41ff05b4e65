package org.civicdispatch.intake.open311;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GeoReport v2 response body, written as JSON or as the spec's XML. The body is plain values: maps (in field
 * order, nulls kept), lists, strings, numbers and booleans. In XML a list becomes one element per item, named
 * {@code itemElement} at the top ({@code <service_requests><request>…}) and by its singular below
 * ({@code <attributes><attribute>…}); a null becomes an empty element, as in the spec's examples.
 */
record Open311Document(String rootElement, String itemElement, Object body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    static Open311Document services(List<Map<String, Object>> services) {
        return new Open311Document("services", "service", services);
    }

    static Open311Document serviceDefinition(Map<String, Object> definition) {
        return new Open311Document("service_definition", null, definition);
    }

    static Open311Document serviceRequests(List<Map<String, Object>> requests) {
        return new Open311Document("service_requests", "request", requests);
    }

    static Open311Document errors(List<Map<String, Object>> errors) {
        return new Open311Document("errors", "error", errors);
    }

    ResponseEntity<byte[]> respond(HttpStatusCode status, Open311Format format) {
        return ResponseEntity.status(status).contentType(format.mediaType()).body(render(format));
    }

    byte[] render(Open311Format format) {
        return format == Open311Format.JSON ? JSON.writeValueAsBytes(body) : xml();
    }

    private byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            element(writer, rootElement, itemElement, body);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, String itemName, Object value)
            throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(writer, String.valueOf(entry.getKey()), null, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = itemName != null ? itemName : singular(name);
            for (Object each : list) {
                element(writer, item, null, each);
            }
        } else {
            writer.writeCharacters(xmlText(String.valueOf(value)));
        }
        writer.writeEndElement();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "_item";
    }

    /** Drops what XML 1.0 cannot carry at all (most control characters, unpaired surrogates, U+FFFE/FFFF). */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
