<#ftl encoding="UTF-8">
Eine kurze Frage an Sie, ${customer.preferredName}