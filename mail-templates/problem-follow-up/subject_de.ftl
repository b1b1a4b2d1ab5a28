<#ftl encoding="UTF-8">
Läuft wieder alles rund, ${customer.preferredName}?