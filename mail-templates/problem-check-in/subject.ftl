<#ftl encoding="UTF-8">
A week later – is all well, ${customer.preferredName}?