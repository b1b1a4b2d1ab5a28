<#ftl encoding="UTF-8">
Darf ich Ihnen jemanden vorstellen?