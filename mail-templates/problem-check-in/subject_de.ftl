<#ftl encoding="UTF-8">
Eine Woche später – ist alles in Ordnung?